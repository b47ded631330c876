//! Plane geometry in cun: points, polygons, and whether a point lies inside one.

/// A point of a frame, in cun.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    /// Across the frame (see the frame's description).
    pub x: f64,
    /// Up the frame: height in the upright frames.
    pub y: f64,
}

impl Pt {
    /// The point at `x`, `y`.
    pub const fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }

    /// The mirror image across the frame's midline (x = 0).
    pub fn mirrored(self) -> Pt {
        Pt::new(-self.x, self.y)
    }

    /// The straight-line distance to another point.
    pub fn distance(self, other: Pt) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// The point a fraction `t` of the way from `self` to `other`.
    pub fn toward(self, other: Pt, t: f64) -> Pt {
        Pt::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }
}

/// Whether `p` lies inside the closed polygon `ring` (even-odd rule; the last point joins the
/// first). Points exactly on an edge may fall either way.
pub fn inside(ring: &[Pt], p: Pt) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, a) in ring.iter().enumerate() {
        let b = ring[j];
        if (a.y > p.y) != (b.y > p.y) {
            let cross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
            if p.x < cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<Pt> {
        vec![
            Pt::new(0.0, 0.0),
            Pt::new(2.0, 0.0),
            Pt::new(2.0, 2.0),
            Pt::new(0.0, 2.0),
        ]
    }

    #[test]
    fn points_inside_and_outside_a_square() {
        assert!(inside(&square(), Pt::new(1.0, 1.0)));
        assert!(!inside(&square(), Pt::new(3.0, 1.0)));
        assert!(!inside(&square(), Pt::new(1.0, -0.1)));
        assert!(!inside(&[], Pt::new(0.0, 0.0)));
    }

    #[test]
    fn a_concave_notch_is_outside() {
        // A U shape: the notch between the arms is outside.
        let u = [
            Pt::new(0.0, 0.0),
            Pt::new(3.0, 0.0),
            Pt::new(3.0, 3.0),
            Pt::new(2.0, 3.0),
            Pt::new(2.0, 1.0),
            Pt::new(1.0, 1.0),
            Pt::new(1.0, 3.0),
            Pt::new(0.0, 3.0),
        ];
        assert!(!inside(&u, Pt::new(1.5, 2.0)));
        assert!(inside(&u, Pt::new(0.5, 2.0)));
        assert!(inside(&u, Pt::new(1.5, 0.5)));
    }

    #[test]
    fn toward_and_distance() {
        let a = Pt::new(0.0, 0.0);
        let b = Pt::new(3.0, 4.0);
        assert_eq!(a.distance(b), 5.0);
        assert_eq!(a.toward(b, 0.5), Pt::new(1.5, 2.0));
        assert_eq!(b.mirrored(), Pt::new(-3.0, 4.0));
    }
}
