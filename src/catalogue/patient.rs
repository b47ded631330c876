//! The patient being treated: the states the user sets (pregnancy and its trimester,
//! anticoagulants...), taken from the contraindications that describe a patient. Health data:
//! held in memory only.

use super::cautions::RuleRef;
use super::{Catalogue, Contraindication};

/// One state of the patient: a contraindication that describes them, and the stage if known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PatientStateRef {
    /// The contraindication's position in its table.
    pub contraindication: usize,
    /// The stage's position among its stages, when the user gave one.
    pub stage: Option<usize>,
}

/// The patient being treated: the states the user has set. Health data: it lives only in
/// memory while acuref runs and is never written anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Patient {
    states: Vec<PatientStateRef>,
}

impl Patient {
    /// Reads a list such as `pregnancy:2,anticoagulants`. The error names every valid state.
    pub fn parse(c: &Catalogue, spec: &str) -> Result<Patient, String> {
        let mut patient = Patient::default();
        for name in spec.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let state = find_state(c, name).ok_or_else(|| {
                format!(
                    "no patient state `{}`; the states are: {}",
                    crate::text::echo(name),
                    state_names(c).join(", ")
                )
            })?;
            patient.set(state);
        }
        Ok(patient)
    }

    /// Whether no state is set.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// The states set, in the order they were set.
    pub fn states(&self) -> &[PatientStateRef] {
        &self.states
    }

    /// Sets a state, replacing the same contraindication's earlier stage.
    pub fn set(&mut self, state: PatientStateRef) {
        self.states
            .retain(|s| s.contraindication != state.contraindication);
        self.states.push(state);
    }

    /// Clears one contraindication's state.
    pub(crate) fn unset(&mut self, contraindication: usize) {
        self.states
            .retain(|s| s.contraindication != contraindication);
    }

    /// Clears every state.
    pub fn clear(&mut self) {
        self.states.clear();
    }

    /// The state set for a contraindication, if any.
    pub(crate) fn state_of(&self, contraindication: usize) -> Option<PatientStateRef> {
        self.states
            .iter()
            .copied()
            .find(|s| s.contraindication == contraindication)
    }

    /// Whether a rule applies to this patient: rules for every patient always do; a state's
    /// rules do when the state is set and, for a rule limited to stages, the stage is one of
    /// them or is not known (the stricter reading).
    pub fn applies(&self, c: &Catalogue, at: RuleRef) -> bool {
        let contra = &c.contraindications[at.contraindication];
        let Some(patient) = &contra.patient else {
            return true;
        };
        let Some(state) = self.state_of(at.contraindication) else {
            return false;
        };
        let rule = &contra.rules[at.rule];
        match state.stage {
            None => true,
            Some(stage) => {
                rule.stages.is_empty()
                    || rule.stages.iter().any(|s| {
                        patient
                            .stages
                            .get(stage)
                            .is_some_and(|p| p.as_str() == s.as_str())
                    })
            }
        }
    }

    /// The states as the header shows them: `pregnancy T2 · anticoagulants`.
    pub fn label(&self, c: &Catalogue) -> String {
        self.states
            .iter()
            .map(|s| state_label(c, *s))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// A state as the user reads it: its alias, then its stage.
pub(crate) fn state_label(c: &Catalogue, state: PatientStateRef) -> String {
    let Some(patient) = &c.contraindications[state.contraindication].patient else {
        return String::new();
    };
    match state.stage.and_then(|s| patient.stages.get(s)) {
        Some(stage) => format!("{} {}", patient.alias.as_str(), stage.as_str()),
        None => patient.alias.to_string(),
    }
}

/// Every contraindication that describes a patient, in catalogue order.
pub fn patient_contraindications(
    c: &Catalogue,
) -> impl Iterator<Item = (usize, &Contraindication)> {
    c.contraindications
        .all()
        .enumerate()
        .filter(|(_, x)| x.patient.is_some())
}

/// Every name the user can type for a state: `pregnancy`, `pregnancy:1`...
pub fn state_names(c: &Catalogue) -> Vec<String> {
    let mut names = Vec::new();
    for (_, contra) in patient_contraindications(c) {
        let patient = contra.patient.as_ref().expect("filtered");
        names.push(patient.alias.to_string());
        for i in 1..=patient.stages.len() {
            names.push(format!("{}:{i}", patient.alias.as_str()));
        }
    }
    names
}

/// The state a name asks for: an alias or a contraindication id, then optionally `:N` (the
/// N-th stage) or `:LABEL` (a stage by name, `pregnancy:T2`). Case is ignored.
pub fn find_state(c: &Catalogue, name: &str) -> Option<PatientStateRef> {
    let (base, stage) = match name.split_once(':') {
        Some((b, s)) => (b, Some(s)),
        None => (name, None),
    };
    let (ci, contra) = patient_contraindications(c).find(|(_, x)| {
        let alias = x.patient.as_ref().map(|p| p.alias.as_str()).unwrap_or("");
        alias.eq_ignore_ascii_case(base) || x.id.as_str().eq_ignore_ascii_case(base)
    })?;
    let stages = &contra.patient.as_ref()?.stages;
    let stage = match stage {
        None => None,
        Some(s) => Some(match s.parse::<usize>() {
            Ok(n) if (1..=stages.len()).contains(&n) => n - 1,
            _ => stages
                .iter()
                .position(|l| l.as_str().eq_ignore_ascii_case(s))?,
        }),
    };
    Some(PatientStateRef {
        contraindication: ci,
        stage,
    })
}
