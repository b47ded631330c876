//! Cautions as rules the program applies: which rules cover each point and technique, the
//! patient being treated, and the verdict of the rules for that patient.
//!
//! A rule covers points by id, by region or by category, and techniques by id. Nothing is
//! copied onto points: a point's cautions are computed here, once, at load.

use std::collections::HashSet;

use super::{Catalogue, Contraindication, EntryRef, Kind, Level, Method, Rule};

/// How many of a rule's sources its sentence names; the rest are counted (JSON and the
/// contraindication's card list every one).
const SOURCES_SHOWN: usize = 4;

/// One rule of one contraindication, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleRef {
    /// The contraindication's position in its table.
    pub contraindication: usize,
    /// The rule's position among its rules.
    pub rule: usize,
}

/// Whether a point category (as a point writes it) falls under a rule's category: it is the
/// same, or begins with it as whole words ("Back-Shu point" covers "Back-Shu point of the
/// Kidney").
pub fn category_covers(rule_category: &str, point_category: &str) -> bool {
    let (r, p) = (rule_category.to_lowercase(), point_category.to_lowercase());
    p == r || p.strip_prefix(&r).is_some_and(|rest| rest.starts_with(' '))
}

/// For each point and each technique, the rules that cover it, in catalogue order.
///
/// A rule that names a point by id replaces, for that point, the region and category rules of
/// the same contraindication and method.
pub fn coverage(c: &Catalogue) -> (Vec<Vec<RuleRef>>, Vec<Vec<RuleRef>>) {
    let mut points = vec![Vec::new(); c.points.len()];
    let mut techniques = vec![Vec::new(); c.techniques.len()];
    for (ci, contra) in c.contraindications.all().iter().enumerate() {
        let named: HashSet<(usize, Method)> = contra
            .rules
            .iter()
            .flat_map(|r| {
                r.points
                    .iter()
                    .filter_map(|p| c.points.position(p))
                    .map(move |p| (p, r.method))
            })
            .collect();
        for (ri, rule) in contra.rules.iter().enumerate() {
            let at = RuleRef {
                contraindication: ci,
                rule: ri,
            };
            for p in covered_points(c, rule) {
                let by_id = rule
                    .points
                    .iter()
                    .any(|id| c.points.position(id) == Some(p));
                if by_id || !named.contains(&(p, rule.method)) {
                    points[p].push(at);
                }
            }
            for t in rule
                .techniques
                .iter()
                .filter_map(|t| c.techniques.position(t))
            {
                techniques[t].push(at);
            }
        }
    }
    (points, techniques)
}

/// Every point a rule covers by id, region or category, once each, in catalogue order.
fn covered_points(c: &Catalogue, rule: &Rule) -> Vec<usize> {
    let mut covered = vec![false; c.points.len()];
    for id in &rule.points {
        if let Some(p) = c.points.position(id) {
            covered[p] = true;
        }
    }
    for (p, point) in c.points.all().iter().enumerate() {
        let in_region = point.regions.iter().any(|r| rule.regions.contains(r));
        let in_category = point.categories.iter().any(|pc| {
            rule.categories
                .iter()
                .any(|rc| category_covers(rc.as_str(), pc))
        });
        covered[p] |= in_region || in_category;
    }
    covered
        .iter()
        .enumerate()
        .filter_map(|(p, &yes)| yes.then_some(p))
        .collect()
}

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
    pub fn unset(&mut self, contraindication: usize) {
        self.states
            .retain(|s| s.contraindication != contraindication);
    }

    /// Clears every state.
    pub fn clear(&mut self) {
        self.states.clear();
    }

    /// The state set for a contraindication, if any.
    pub fn state_of(&self, contraindication: usize) -> Option<PatientStateRef> {
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
pub fn state_label(c: &Catalogue, state: PatientStateRef) -> String {
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
        .iter()
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

/// What the rules say about one entry for one patient.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// What the rules that apply make of the entry as a whole: forbidden when one forbids the
    /// entry itself, caution when one asks for care or forbids only one way of using it; none
    /// when only notes (or no rules) apply.
    pub level: Option<Level>,
    /// The rules that apply, strictest first, then in catalogue order.
    pub rules: Vec<RuleRef>,
}

impl Verdict {
    /// The verdict's level as JSON and the CLI write it: forbidden, caution or none.
    pub fn level_name(&self) -> &'static str {
        match self.level {
            Some(Level::Forbidden) => "forbidden",
            Some(Level::Caution) => "caution",
            _ => "none",
        }
    }

    /// Whether the rules forbid something for this patient.
    pub fn is_forbidden(&self) -> bool {
        self.level == Some(Level::Forbidden)
    }
}

impl Catalogue {
    /// Every rule that covers an entry (points and techniques; none for other kinds), in
    /// catalogue order.
    pub fn rules_covering(&self, entry: EntryRef) -> &[RuleRef] {
        match entry.kind {
            Kind::Point => &self.backlinks.point_rules[entry.index],
            Kind::Technique => &self.backlinks.technique_rules[entry.index],
            _ => &[],
        }
    }

    /// The rule a reference names.
    pub fn rule(&self, at: RuleRef) -> &Rule {
        &self.contraindications[at.contraindication].rules[at.rule]
    }

    /// The verdict of the rules on an entry for a patient. With no state set it holds the
    /// rules for every patient only.
    pub fn verdict(&self, entry: EntryRef, patient: &Patient) -> Verdict {
        let mut rules: Vec<RuleRef> = self
            .rules_covering(entry)
            .iter()
            .copied()
            .filter(|&r| patient.applies(self, r))
            .collect();
        rules.sort_by_key(|&r| std::cmp::Reverse(self.rule(r).level));
        let level = rules
            .iter()
            .map(|&r| verdict_level(entry.kind, self.rule(r)))
            .max();
        let level = level.filter(|&l| l > Level::Note);
        Verdict { level, rules }
    }

    /// Whether any rule covers an entry, for any patient (it then shows a caution mark).
    pub fn has_caution(&self, entry: EntryRef) -> bool {
        !self.rules_covering(entry).is_empty()
    }

    /// A rule as a plain sentence: "Pregnancy: forbidden (needling) in T2, T3. Why. Sources:
    /// World Health Organization 1999, Betts 2011."
    pub fn rule_text(&self, at: RuleRef) -> String {
        let contra = &self.contraindications[at.contraindication];
        let rule = &contra.rules[at.rule];
        let mut sources: Vec<String> = rule
            .sources
            .iter()
            .take(SOURCES_SHOWN)
            .filter_map(|s| self.sources.get(s))
            .map(|s| s.short_name())
            .collect();
        if rule.sources.len() > SOURCES_SHOWN {
            sources.push(format!("{} more", rule.sources.len() - SOURCES_SHOWN));
        }
        format!(
            "{}: {}. {} Sources: {}.",
            contra.name,
            self.rule_summary(at),
            ensure_stop(&rule.reason),
            sources.join("; ")
        )
    }
}

impl Catalogue {
    /// Every point and technique a contraindication's rules cover, each with those rules:
    /// points first, in catalogue order, then techniques.
    pub fn covered_by(&self, contraindication: usize) -> Vec<(EntryRef, Vec<RuleRef>)> {
        let of = |lists: &[Vec<RuleRef>], kind: Kind| -> Vec<(EntryRef, Vec<RuleRef>)> {
            lists
                .iter()
                .enumerate()
                .filter_map(|(index, rules)| {
                    let mine: Vec<RuleRef> = rules
                        .iter()
                        .copied()
                        .filter(|r| r.contraindication == contraindication)
                        .collect();
                    (!mine.is_empty()).then_some((EntryRef { kind, index }, mine))
                })
                .collect()
        };
        let mut covered = of(&self.backlinks.point_rules, Kind::Point);
        covered.extend(of(&self.backlinks.technique_rules, Kind::Technique));
        covered
    }

    /// The contraindications whose rules forbid or caution an entry, each with its strictest
    /// level: "Pregnancy: forbidden; Organ and vessel injury: caution". None when no rule
    /// stronger than a note covers it.
    pub fn caution_names(&self, entry: EntryRef) -> Option<String> {
        let mut named: Vec<(usize, Level)> = Vec::new();
        for &r in self.rules_covering(entry) {
            let level = self.rule(r).level;
            if level == Level::Note {
                continue;
            }
            match named.iter_mut().find(|(c, _)| *c == r.contraindication) {
                Some((_, l)) => *l = (*l).max(level),
                None => named.push((r.contraindication, level)),
            }
        }
        named.sort_by_key(|&(c, l)| (std::cmp::Reverse(l), c));
        let parts: Vec<String> = named
            .iter()
            .map(|&(c, l)| format!("{}: {}", self.contraindications[c].name, l.as_str()))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// What a rule covers, as written: "Covers: regions Lower back, Sacrum; points LI4, SP6."
    pub fn rule_coverage(&self, at: RuleRef) -> String {
        let rule = self.rule(at);
        let names = |label: &str, items: Vec<String>| {
            (!items.is_empty()).then(|| format!("{label} {}", items.join(", ")))
        };
        let parts: Vec<String> = [
            names(
                "regions",
                rule.regions
                    .iter()
                    .map(|r| {
                        self.regions
                            .get(r)
                            .map_or(r.to_string(), |x| x.name.clone())
                    })
                    .collect(),
            ),
            names(
                "categories",
                rule.categories.iter().map(|c| c.to_string()).collect(),
            ),
            names(
                "points",
                rule.points.iter().map(|p| p.to_string()).collect(),
            ),
            names(
                "techniques",
                rule.techniques
                    .iter()
                    .map(|t| {
                        self.techniques
                            .get(t)
                            .map_or(t.to_string(), |x| x.name.clone())
                    })
                    .collect(),
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        format!("Covers: {}.", parts.join("; "))
    }

    /// A rule in a few words: "forbidden (needling) in T2, T3".
    pub fn rule_summary(&self, at: RuleRef) -> String {
        let rule = self.rule(at);
        let mut text = format!("{} ({})", rule.level.as_str(), rule.method.phrase());
        if !rule.stages.is_empty() {
            let names: Vec<&str> = rule.stages.iter().map(|s| s.as_str()).collect();
            text.push_str(&format!(" in {}", names.join(", ")));
        }
        text
    }
}

/// What a rule makes of the entry as a whole. A rule that forbids the entry itself (any
/// method; needling, for a point; the technique's own method, for a technique) forbids it; a
/// rule that forbids only one way of using it (moxibustion at a point that is needled, strong
/// stimulation, bleeding) leaves the entry usable with care, so it counts as a caution, and
/// its reason still says what is forbidden.
pub fn verdict_level(kind: Kind, rule: &Rule) -> Level {
    let whole = match kind {
        Kind::Point => matches!(rule.method, Method::Any | Method::Needling),
        _ => !matches!(
            rule.method,
            Method::DeepNeedling | Method::StrongStimulation | Method::Bleeding
        ),
    };
    if whole {
        rule.level
    } else {
        rule.level.min(Level::Caution)
    }
}

fn ensure_stop(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_cover_whole_words_only() {
        assert!(category_covers(
            "Back-Shu point",
            "Back-Shu point of the Kidney"
        ));
        assert!(category_covers("jing-well point", "Jing-Well point"));
        assert!(!category_covers("Jing", "Jing-Well point"));
        assert!(!category_covers(
            "Back-Shu point of the Kidney",
            "Back-Shu point"
        ));
    }
}
