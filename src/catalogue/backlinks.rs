//! The reverse direction of every link, computed once at load.
//!
//! The data writes each link on one side only (a condition lists its points); this module
//! answers the other side (which conditions use a point).

use super::cautions::{self, RuleRef};
use super::{Catalogue, Citation, EntryRef, Kind, Ref};

/// Links seen from their target. Each list is indexed by the target's position in its table.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct Backlinks {
    /// For each point: (condition, position in that condition's prescription).
    pub point_conditions: Vec<Vec<(usize, usize)>>,
    /// For each point: the caution rules that cover it.
    pub point_rules: Vec<Vec<RuleRef>>,
    /// For each point: the techniques built on it.
    pub point_techniques: Vec<Vec<usize>>,
    /// For each point: the vessels it is the confluent point of.
    pub point_vessels: Vec<Vec<usize>>,
    /// For each point: the other points that an older numbering gives its code, as (point,
    /// position in that point's other codes).
    pub point_code_clashes: Vec<Vec<(usize, usize)>>,
    /// For each technique: the conditions that use it.
    pub technique_conditions: Vec<Vec<usize>>,
    /// For each technique: the caution rules that cover it.
    pub technique_rules: Vec<Vec<RuleRef>>,
    /// For each channel: the channels that name it as their partner or couple.
    pub channel_partners: Vec<Vec<usize>>,
    /// For each channel: its points, in number order.
    pub channel_points: Vec<Vec<usize>>,
    /// For each channel or vessel: the points whose categories name it (a meeting point, a
    /// vessel's Xi-Cleft point), as (point, position in the point's categories).
    pub channel_course_points: Vec<Vec<(usize, usize)>>,
    /// For each region: its points, in catalogue order.
    pub region_points: Vec<Vec<usize>>,
    /// For each category: its points, in catalogue order.
    pub category_points: Vec<Vec<usize>>,
    /// For each red flag: the conditions that name it.
    pub red_flag_conditions: Vec<Vec<usize>>,
    /// For each source: the entries that cite it.
    pub source_citations: Vec<Vec<EntryRef>>,
}

impl Backlinks {
    /// Computes every backlink of a checked catalogue (every link resolves).
    pub(crate) fn compute(c: &Catalogue) -> Backlinks {
        let mut b = Backlinks {
            point_conditions: vec![Vec::new(); c.points.len()],
            point_rules: Vec::new(),
            point_techniques: vec![Vec::new(); c.points.len()],
            point_vessels: vec![Vec::new(); c.points.len()],
            point_code_clashes: vec![Vec::new(); c.points.len()],
            technique_conditions: vec![Vec::new(); c.techniques.len()],
            technique_rules: Vec::new(),
            channel_points: vec![Vec::new(); c.channels.len()],
            channel_course_points: vec![Vec::new(); c.channels.len()],
            channel_partners: vec![Vec::new(); c.channels.len()],
            region_points: vec![Vec::new(); c.regions.len()],
            category_points: vec![Vec::new(); c.categories.len()],
            red_flag_conditions: vec![Vec::new(); c.red_flags.len()],
            source_citations: vec![Vec::new(); c.sources.len()],
        };
        let point = |r: &Ref| c.points.position(r).expect("checked link");
        let technique = |r: &Ref| c.techniques.position(r).expect("checked link");

        for (i, p) in c.points.all().enumerate() {
            if let Some(ch) = &p.channel {
                b.channel_points[c.channels.position(ch).expect("checked link")].push(i);
            }
            for r in &p.regions {
                b.region_points[c.regions.position(r).expect("checked link")].push(i);
            }
            for (j, other) in p.other_codes.iter().enumerate() {
                if let Some(q) = c.points.position(&other.code) {
                    b.point_code_clashes[q].push((i, j));
                }
            }
            for (j, pc) in p.categories.iter().enumerate() {
                let at = c.categories.position(&pc.category).expect("checked link");
                if b.category_points[at].last() != Some(&i) {
                    b.category_points[at].push(i);
                }
                for ch in &pc.channels {
                    let list = &mut b.channel_course_points
                        [c.channels.position(ch).expect("checked link")];
                    if list.last().is_none_or(|&(point, _)| point != i) {
                        list.push((i, j));
                    }
                }
            }
            cite(
                &mut b,
                c,
                &p.sources,
                EntryRef {
                    kind: Kind::Point,
                    index: i,
                },
            );
        }
        for (i, ch) in c.channels.all().enumerate() {
            if let Some(p) = &ch.confluent_point {
                b.point_vessels[point(p)].push(i);
            }
            for partner in ch.paired_with.iter().chain(&ch.coupled_with) {
                b.channel_partners[c.channels.position(partner).expect("checked link")].push(i);
            }
            cite(
                &mut b,
                c,
                &ch.sources,
                EntryRef {
                    kind: Kind::Channel,
                    index: i,
                },
            );
        }
        for (i, cond) in c.conditions.all().enumerate() {
            for (j, p) in cond.points.iter().enumerate() {
                let list = &mut b.point_conditions[point(&p.point)];
                if !list.iter().any(|&(k, _)| k == i) {
                    list.push((i, j));
                }
            }
            for t in &cond.techniques {
                b.technique_conditions[technique(t)].push(i);
            }
            for r in &cond.red_flags {
                b.red_flag_conditions[c.red_flags.position(r).expect("checked link")].push(i);
            }
            let sources = cond
                .sources
                .iter()
                .chain(&cond.evidence)
                .chain(cond.points.iter().filter_map(|p| p.source.as_ref()));
            cite(
                &mut b,
                c,
                sources,
                EntryRef {
                    kind: Kind::Condition,
                    index: i,
                },
            );
        }
        for (i, t) in c.techniques.all().enumerate() {
            for p in &t.points {
                b.point_techniques[point(p)].push(i);
            }
            cite(
                &mut b,
                c,
                &t.sources,
                EntryRef {
                    kind: Kind::Technique,
                    index: i,
                },
            );
        }
        for (i, category) in c.categories.all().enumerate() {
            cite(
                &mut b,
                c,
                &category.sources,
                EntryRef {
                    kind: Kind::Category,
                    index: i,
                },
            );
        }
        for (i, flag) in c.red_flags.all().enumerate() {
            cite(
                &mut b,
                c,
                &flag.sources,
                EntryRef {
                    kind: Kind::RedFlag,
                    index: i,
                },
            );
        }
        (b.point_rules, b.technique_rules) = cautions::coverage(c);
        for (i, ci) in c.contraindications.all().enumerate() {
            let sources = ci
                .sources
                .iter()
                .chain(ci.rules.iter().flat_map(|r| &r.sources));
            cite(
                &mut b,
                c,
                sources,
                EntryRef {
                    kind: Kind::Contraindication,
                    index: i,
                },
            );
        }
        b
    }
}

impl Catalogue {
    /// A channel's points in number order; for a vessel without points of its own, its
    /// confluent point and the points on its course (the points whose categories name it).
    pub fn channel_points(&self, channel: usize) -> Vec<usize> {
        let own = &self.backlinks.channel_points[channel];
        if !own.is_empty() {
            return own.clone();
        }
        let confluent = self.channels[channel]
            .confluent_point
            .as_ref()
            .and_then(|p| self.points.position(p));
        let mut points: Vec<usize> = confluent.into_iter().collect();
        for &(p, _) in &self.backlinks.channel_course_points[channel] {
            if !points.contains(&p) {
                points.push(p);
            }
        }
        points
    }
}

/// Records that `entry` cites each of `sources` (once each). All of an entry's sources come in
/// one call, so a repeat can only follow the entry's own last citation.
fn cite<'a>(
    b: &mut Backlinks,
    c: &Catalogue,
    sources: impl IntoIterator<Item = &'a Citation>,
    entry: EntryRef,
) {
    for s in sources {
        let at = c.sources.position(&s.source).expect("checked link");
        let list = &mut b.source_citations[at];
        if list.last() != Some(&entry) {
            list.push(entry);
        }
    }
}
