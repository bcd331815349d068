//! The closed vocabularies of CONTRACT.md: issues, stances, responses to proposals, talks status.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! closed_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id CONTRACT.md uses for this value.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<$name, String> {
                match s {
                    $($id => Ok($name::$variant),)+
                    other => Err(format!(
                        "unknown {} `{other}`; expected one of: {}",
                        stringify!($name).to_lowercase(),
                        [$($id),+].join(", ")
                    )),
                }
            }
        }
    };
}

closed_vocabulary! {
    /// What a position or proposal term is about.
    Issue {
        Ceasefire => "ceasefire",
        Withdrawal => "withdrawal",
        HostagesPrisoners => "hostages_prisoners",
        HumanitarianAid => "humanitarian_aid",
        Guarantees => "guarantees",
        DisarmamentSecurity => "disarmament_security",
        Governance => "governance",
        Reconstruction => "reconstruction",
        TerritoryBorders => "territory_borders",
        SanctionsEconomic => "sanctions_economic",
        PhasingTimeline => "phasing_timeline",
        PoliticalStatusRecognition => "political_status_recognition",
        JusticeAccountability => "justice_accountability",
        TalksProcess => "talks_process",
        Other => "other",
    }
}

closed_vocabulary! {
    /// What a party does with an issue.
    Stance {
        Demand => "demand",
        Offer => "offer",
        Accept => "accept",
        Reject => "reject",
        Condition => "condition",
        Insist => "insist",
        Concede => "concede",
    }
}

closed_vocabulary! {
    /// How a party answered a proposal: a stance, or `withdraw` when its author takes it back.
    Response {
        Demand => "demand",
        Offer => "offer",
        Accept => "accept",
        Reject => "reject",
        Condition => "condition",
        Insist => "insist",
        Concede => "concede",
        Withdraw => "withdraw",
    }
}

closed_vocabulary! {
    /// The state of the talks a report conveys.
    Status {
        Ongoing => "ongoing",
        Stalled => "stalled",
        Agreement => "agreement",
        Collapsed => "collapsed",
        Unclear => "unclear",
    }
}

/// The coarse classes the scorer and the ledger compare stances by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StanceClass {
    /// demand, insist, condition: the holder wants something from the other side.
    Ask,
    /// offer, concede: the holder gives something.
    Give,
    Accept,
    Reject,
}

impl Stance {
    pub fn class(self) -> StanceClass {
        match self {
            Stance::Demand | Stance::Insist | Stance::Condition => StanceClass::Ask,
            Stance::Offer | Stance::Concede => StanceClass::Give,
            Stance::Accept => StanceClass::Accept,
            Stance::Reject => StanceClass::Reject,
        }
    }
}

impl From<Stance> for Response {
    fn from(stance: Stance) -> Response {
        match stance {
            Stance::Demand => Response::Demand,
            Stance::Offer => Response::Offer,
            Stance::Accept => Response::Accept,
            Stance::Reject => Response::Reject,
            Stance::Condition => Response::Condition,
            Stance::Insist => Response::Insist,
            Stance::Concede => Response::Concede,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for issue in Issue::ALL {
            assert_eq!(issue.id().parse::<Issue>().unwrap(), *issue);
        }
        for stance in Stance::ALL {
            assert_eq!(stance.id().parse::<Stance>().unwrap(), *stance);
        }
        assert_eq!(Issue::ALL.len(), 15);
    }

    #[test]
    fn unknown_id_lists_valid_options() {
        let err = "truce".parse::<Issue>().unwrap_err();
        assert!(err.contains("truce") && err.contains("ceasefire"), "{err}");
    }

    #[test]
    fn stance_classes_follow_the_contract() {
        assert_eq!(Stance::Insist.class(), StanceClass::Ask);
        assert_eq!(Stance::Concede.class(), StanceClass::Give);
        assert_ne!(Stance::Accept.class(), Stance::Reject.class());
    }
}
