//! Every link of an entry, in both directions, grouped by how the target relates to it: what
//! the detail pane, the card and `acuref links` list.

use super::{Catalogue, Citation, EntryRef, Kind, Ref};

impl Catalogue {
    /// What a point's category concerns there, without the category's name ("of the Kidney
    /// channel and Chong Mai"), if anything.
    fn category_concerns(&self, pc: &super::PointCategory) -> Option<String> {
        let label = self.category_label(pc);
        let name = self
            .categories
            .get(&pc.category)
            .map_or("", |c| c.name.as_str());
        let rest = label.strip_prefix(name).unwrap_or(&label).trim();
        (!rest.is_empty()).then(|| rest.to_string())
    }

    /// A point's roles, as its channel's card lists them: its categories' names
    /// ("Luo-Connecting point; Confluent point"), or none.
    fn roles(&self, point: usize) -> Option<String> {
        let names: Vec<&str> = self.points[point]
            .categories
            .iter()
            .filter_map(|pc| self.categories.get(&pc.category))
            .map(|c| c.name.as_str())
            .collect();
        (!names.is_empty()).then(|| names.join("; "))
    }
}

/// How a linked entry relates to the entry being viewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Cautions and contraindications that restrict this entry (shown first).
    RestrictedBy,
    /// The channel a point belongs to.
    Channel,
    /// A point's categories (Luo-Connecting, Meeting...).
    Category,
    /// Points of a channel, region, condition, technique or contraindication.
    Point,
    /// Conditions a point or technique is used for.
    UsedFor,
    /// Conditions a red flag belongs to.
    FlagOf,
    /// Points or techniques a contraindication restricts.
    Restricts,
    /// Techniques.
    Technique,
    /// The vessel a point opens, or a vessel's confluent point.
    Confluent,
    /// A channel's interior-exterior partner or a vessel's couple.
    Partner,
    /// Body regions.
    Region,
    /// Studies about a condition.
    Evidence,
    /// Points of other channels that lie on a channel's or vessel's course (meeting points,
    /// a vessel's Xi-Cleft point).
    Course,
    /// Sources.
    Source,
    /// Entries citing a source.
    CitedBy,
}

impl Relation {
    /// A heading for links of this relation.
    pub fn label(self) -> &'static str {
        match self {
            Relation::RestrictedBy => "Cautions",
            Relation::Channel => "Channel",
            Relation::Category => "Categories",
            Relation::Point => "Points",
            Relation::UsedFor => "Used for",
            Relation::FlagOf => "Red flag of",
            Relation::Restricts => "Restricts",
            Relation::Technique => "Techniques",
            Relation::Confluent => "Confluent",
            Relation::Partner => "Partner",
            Relation::Region => "Regions",
            Relation::Evidence => "Evidence",
            Relation::Course => "On its course",
            Relation::Source => "Sources",
            Relation::CitedBy => "Cited by",
        }
    }
}

/// One link of an entry, in either direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// How the target relates to the entry.
    pub relation: Relation,
    /// The entry linked to.
    pub target: EntryRef,
    /// What the link says: a role and why, a restriction's note, a study's finding.
    pub detail: Option<String>,
}

impl Catalogue {
    /// Every link of an entry, both the ones it writes and the ones written to it, grouped by
    /// relation (cautions first).
    pub fn links(&self, entry: EntryRef) -> Vec<Link> {
        let b = &self.backlinks;
        let mut out = Vec::new();
        let mut add = |relation, kind, index, detail: Option<String>| {
            out.push(Link {
                relation,
                target: EntryRef { kind, index },
                detail,
            })
        };
        let pos = |kind: Kind, r: &Ref| self.find(kind, r).expect("checked link").index;
        let i = entry.index;
        match entry.kind {
            Kind::Point => {
                let p = &self.points[i];
                for &r in &b.point_rules[i] {
                    add(
                        Relation::RestrictedBy,
                        Kind::Contraindication,
                        r.contraindication,
                        Some(self.rule_text(r)),
                    );
                }
                if let Some(ch) = &p.channel {
                    add(
                        Relation::Channel,
                        Kind::Channel,
                        pos(Kind::Channel, ch),
                        None,
                    );
                }
                for pc in &p.categories {
                    let category = pos(Kind::Category, &pc.category);
                    let detail = self.category_concerns(pc);
                    add(Relation::Category, Kind::Category, category, detail);
                }
                for &(c, j) in &b.point_conditions[i] {
                    let pp = &self.conditions[c].points[j];
                    add(
                        Relation::UsedFor,
                        Kind::Condition,
                        c,
                        Some(format!("{}: {}", pp.role.as_str(), pp.why)),
                    );
                }
                for &t in &b.point_techniques[i] {
                    add(Relation::Technique, Kind::Technique, t, None);
                }
                for &v in &b.point_vessels[i] {
                    add(
                        Relation::Confluent,
                        Kind::Channel,
                        v,
                        Some("confluent point of this vessel".into()),
                    );
                }
                for r in &p.regions {
                    add(Relation::Region, Kind::Region, pos(Kind::Region, r), None);
                }
            }
            Kind::Condition => {
                let c = &self.conditions[i];
                for pp in &c.points {
                    add(
                        Relation::Point,
                        Kind::Point,
                        pos(Kind::Point, &pp.point),
                        Some(format!("{}: {}", pp.role.as_str(), pp.why)),
                    );
                }
                for t in &c.techniques {
                    add(
                        Relation::Technique,
                        Kind::Technique,
                        pos(Kind::Technique, t),
                        None,
                    );
                }
                for s in &c.evidence {
                    let source = pos(Kind::Source, &s.source);
                    let finding = self.sources[source].finding.clone();
                    let detail = match (&s.locator, finding) {
                        (Some(at), Some(finding)) => Some(format!("{at}: {finding}")),
                        (at, finding) => finding.or_else(|| at.clone()),
                    };
                    add(Relation::Evidence, Kind::Source, source, detail);
                }
            }
            Kind::Technique => {
                let t = &self.techniques[i];
                for &r in &b.technique_rules[i] {
                    add(
                        Relation::RestrictedBy,
                        Kind::Contraindication,
                        r.contraindication,
                        Some(self.rule_text(r)),
                    );
                }
                for p in &t.points {
                    add(Relation::Point, Kind::Point, pos(Kind::Point, p), None);
                }
                for &c in &b.technique_conditions[i] {
                    add(Relation::UsedFor, Kind::Condition, c, None);
                }
            }
            Kind::Contraindication => {
                for (target, rules) in self.covered_by(i) {
                    let detail = rules
                        .iter()
                        .map(|&r| self.rule_summary(r))
                        .collect::<Vec<_>>()
                        .join("; ");
                    add(Relation::Restricts, target.kind, target.index, Some(detail));
                }
            }
            Kind::Channel => {
                let ch = &self.channels[i];
                if let Some(p) = &ch.confluent_point {
                    add(
                        Relation::Confluent,
                        Kind::Point,
                        pos(Kind::Point, p),
                        Some("confluent point".into()),
                    );
                }
                for partner in ch.paired_with.iter().chain(&ch.coupled_with) {
                    add(
                        Relation::Partner,
                        Kind::Channel,
                        pos(Kind::Channel, partner),
                        None,
                    );
                }
                for &partner in &b.channel_partners[i] {
                    add(Relation::Partner, Kind::Channel, partner, None);
                }
                for &p in &b.channel_points[i] {
                    add(Relation::Point, Kind::Point, p, self.roles(p));
                }
                for &(p, j) in &b.channel_course_points[i] {
                    let code = self.points[p].code.as_str();
                    let listed = ch.confluent_point.as_deref() == Some(code)
                        || self.points[p].channel.as_deref() == Some(ch.id.as_str());
                    if !listed {
                        let label = self.category_label(&self.points[p].categories[j]);
                        add(Relation::Course, Kind::Point, p, Some(label));
                    }
                }
            }
            Kind::Region => {
                for &p in &b.region_points[i] {
                    add(Relation::Point, Kind::Point, p, None);
                }
            }
            Kind::Category => {
                for &p in &b.category_points[i] {
                    let detail = self.points[p]
                        .categories
                        .iter()
                        .find(|pc| pc.category.as_str() == self.categories[i].id.as_str())
                        .and_then(|pc| self.category_concerns(pc));
                    add(Relation::Point, Kind::Point, p, detail);
                }
            }
            Kind::RedFlag => {
                for &c in &b.red_flag_conditions[i] {
                    add(Relation::FlagOf, Kind::Condition, c, None);
                }
            }
            Kind::Source => {
                for &e in &b.source_citations[i] {
                    add(Relation::CitedBy, e.kind, e.index, None);
                }
            }
        }
        // Every kind lists the works it cites last, each with where in the work.
        for s in self.own_sources(entry) {
            add(
                Relation::Source,
                Kind::Source,
                pos(Kind::Source, &s.source),
                s.locator.clone(),
            );
        }
        out
    }

    /// The works an entry cites itself (a contraindication's rules cite theirs in the rule).
    fn own_sources(&self, entry: EntryRef) -> &[Citation] {
        let i = entry.index;
        match entry.kind {
            Kind::Point => &self.points[i].sources,
            Kind::Condition => &self.conditions[i].sources,
            Kind::Technique => &self.techniques[i].sources,
            Kind::Contraindication => &self.contraindications[i].sources,
            Kind::Channel => &self.channels[i].sources,
            Kind::Category => &self.categories[i].sources,
            Kind::RedFlag => &self.red_flags[i].sources,
            Kind::Region | Kind::Source => &[],
        }
    }
}
