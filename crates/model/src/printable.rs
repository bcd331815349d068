//! Names as printed in messages: a file name may hold any byte, and a control character in it must not
//! reach the terminal raw (it could rewrite the line or the screen).

use std::fmt::Write;
use std::path::Path;

/// `name` with every control character written as a `\u{..}` escape.
pub fn escaped(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c.is_control() {
            true => write!(out, "\\u{{{:x}}}", c as u32).expect("writing to a String cannot fail"),
            false => out.push(c),
        }
    }
    out
}

/// A path for a message: lossily decoded, with control characters escaped.
pub fn path(path: &Path) -> String {
    escaped(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escaped("report\x1b[2J\n.txt"), "report\\u{1b}[2J\\u{a}.txt");
        assert_eq!(escaped("Кыiв–2025.txt"), "Кыiв–2025.txt");
    }
}
