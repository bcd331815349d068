//! Rows as RFC 4180 CSV: a header line, then one record per row, fields quoted only where they need it.

use std::io::Write;

use crate::rows::Row;

pub fn write(rows: &[Row], out: impl Write) -> ::csv::Result<()> {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    if rows.is_empty() {
        writer.write_record(crate::rows::COLUMNS)?;
    }
    for row in rows {
        writer.serialize(row)?;
    }
    writer.flush()?;
    Ok(())
}
