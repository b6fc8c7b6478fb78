//! Location, coarsened on the device: a geohash and the distance to the site's own places.
//! The raw position goes in, is used once, and is not kept anywhere.

use crate::Error;

/// Geohash precision used when the site does not choose one: cells of about 1.2 × 0.6 km.
pub const DEFAULT_GEOHASH_PRECISION: u8 = 6;
/// The longest geohash this crate computes (cells of a few centimetres).
pub const MAX_GEOHASH_PRECISION: u8 = 12;

/// Mean Earth radius (IUGG), in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;
const BASE32: &[u8; 32] = b"0123456789bcdefghjkmnpqrstuvwxyz";

/// A place of the site's own (store, restaurant) that the visitor's distance is measured to.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteLocation {
    /// The site's identifier for the place, reported back as the nearest one.
    pub id: String,
    /// Latitude in degrees, -90 to 90.
    pub lat: f64,
    /// Longitude in degrees, -180 to 180.
    pub lon: f64,
}

impl SiteLocation {
    /// A checked place: coordinates must be finite and in range.
    pub fn new(id: &str, lat: f64, lon: f64) -> Result<Self, Error> {
        check_coordinates(lat, lon)?;
        Ok(SiteLocation {
            id: id.to_owned(),
            lat,
            lon,
        })
    }
}

/// What the snapshot keeps of a position: no coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationSignal {
    /// The geohash cell the position falls in.
    pub geohash: String,
    /// Distance from the centre of that cell to the nearest site location, rounded to
    /// [`DISTANCE_STEP_M`], if the site configured any.
    pub nearest_distance_m: Option<u32>,
    /// The `id` of that nearest site location.
    pub nearest_id: Option<String>,
}

impl LocationSignal {
    /// Coarsens a position: its geohash cell, and the distance from the cell's centre to the
    /// nearest of `sites`. Measuring from the centre, not from the position, means the
    /// signal says nothing more precise than the cell: several sites' distances cannot be
    /// combined to find the visitor within it.
    pub fn coarsen(
        lat: f64,
        lon: f64,
        precision: u8,
        sites: &[SiteLocation],
    ) -> Result<Self, Error> {
        let cell = Cell::of(lat, lon, precision)?;
        let (centre_lat, centre_lon) = cell.centre();
        let nearest = sites
            .iter()
            .map(|site| (site, distance_m(centre_lat, centre_lon, site.lat, site.lon)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let rounded = |metres: f64| ((metres / DISTANCE_STEP_M).round() * DISTANCE_STEP_M) as u32;
        Ok(LocationSignal {
            geohash: cell.hash,
            nearest_distance_m: nearest.map(|(_, metres)| rounded(metres)),
            nearest_id: nearest.map(|(site, _)| site.id.clone()),
        })
    }
}

/// Distances are rounded to this many metres.
pub const DISTANCE_STEP_M: f64 = 10.0;

/// A geohash cell: its name and its bounds.
struct Cell {
    hash: String,
    lat: (f64, f64),
    lon: (f64, f64),
}

impl Cell {
    fn centre(&self) -> (f64, f64) {
        (
            (self.lat.0 + self.lat.1) / 2.0,
            (self.lon.0 + self.lon.1) / 2.0,
        )
    }
}

/// The geohash of a position at `precision` characters (1 to 12).
///
/// Tie rule: a coordinate exactly on a cell boundary belongs to the lower (south or west)
/// cell, as in `ngeohash`, the oracle this is tested against. So (0, 0) is `7zzzzz…`, the
/// cell touching the origin from the south-west; libraries that put boundary values in the
/// upper cell (the Rust `geohash` crate, python-geohash) give `s00000…` there. Both are
/// valid cells of a point on their corner; only exact boundary values differ.
pub fn encode_geohash(lat: f64, lon: f64, precision: u8) -> Result<String, Error> {
    Cell::of(lat, lon, precision).map(|cell| cell.hash)
}

impl Cell {
    /// The cell of `precision` characters that holds a position.
    fn of(lat: f64, lon: f64, precision: u8) -> Result<Cell, Error> {
        check_coordinates(lat, lon)?;
        if !(1..=MAX_GEOHASH_PRECISION).contains(&precision) {
            return Err(Error::invalid_geohash_precision(precision));
        }
        let (mut lat_min, mut lat_max) = (-90.0_f64, 90.0_f64);
        let (mut lon_min, mut lon_max) = (-180.0_f64, 180.0_f64);
        let mut hash = String::with_capacity(precision as usize);
        let mut is_lon = true;
        for _ in 0..precision {
            let mut index = 0usize;
            for _ in 0..5 {
                let (value, min, max) = if is_lon {
                    (lon, &mut lon_min, &mut lon_max)
                } else {
                    (lat, &mut lat_min, &mut lat_max)
                };
                let mid = (*min + *max) / 2.0;
                index <<= 1;
                if value > mid {
                    index |= 1;
                    *min = mid;
                } else {
                    *max = mid;
                }
                is_lon = !is_lon;
            }
            hash.push(BASE32[index] as char);
        }
        Ok(Cell {
            hash,
            lat: (lat_min, lat_max),
            lon: (lon_min, lon_max),
        })
    }
}

/// Great-circle distance in metres (haversine on a sphere of the mean Earth radius), for
/// coordinates in range.
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let half_d_phi = sin((lat2 - lat1).to_radians() / 2.0);
    let half_d_lambda = sin((lon2 - lon1).to_radians() / 2.0);
    let a = half_d_phi * half_d_phi + cos(phi1) * cos(phi2) * half_d_lambda * half_d_lambda;
    2.0 * EARTH_RADIUS_M * asin(a.sqrt().min(1.0))
}

// Our own sin, cos and asin for the angles above (|x| <= π). The standard ones compile to
// libm's general routines, about 8 KB of wasm; these are a few hundred bytes and agree with
// them to 1e-12 on this range (tested below).

/// Sine of `x` in [-π, π].
fn sin(x: f64) -> f64 {
    use std::f64::consts::{FRAC_PI_2, PI};
    // sin(x) = sin(π - x) folds the range onto [-π/2, π/2], where the series converges fast.
    let x = if x > FRAC_PI_2 {
        PI - x
    } else if x < -FRAC_PI_2 {
        -PI - x
    } else {
        x
    };
    let x2 = x * x;
    let (mut term, mut sum) = (x, x);
    for n in 1..=9 {
        let k = f64::from(2 * n);
        term *= -x2 / (k * (k + 1.0));
        sum += term;
    }
    sum
}

/// Cosine of `x` in [-π/2, π/2] (a latitude).
fn cos(x: f64) -> f64 {
    sin(std::f64::consts::FRAC_PI_2 - x.abs())
}

/// Arcsine of `y` in [0, 1].
fn asin(y: f64) -> f64 {
    if y > 0.5 {
        // asin(y) = π/2 - 2 asin(√((1 - y) / 2)) keeps the series argument at or below 0.5.
        return std::f64::consts::FRAC_PI_2 - 2.0 * asin(((1.0 - y) / 2.0).sqrt());
    }
    let y2 = y * y;
    let (mut power, mut coefficient, mut sum) = (y, 1.0, y);
    for n in 1..=40 {
        let n = f64::from(n);
        coefficient *= (2.0 * n - 1.0) / (2.0 * n);
        power *= y2;
        sum += coefficient * power / (2.0 * n + 1.0);
    }
    sum
}

fn check_coordinates(lat: f64, lon: f64) -> Result<(), Error> {
    let latitude_ok = (-90.0..=90.0).contains(&lat);
    if latitude_ok && (-180.0..=180.0).contains(&lon) {
        Ok(())
    } else {
        Err(Error::invalid_coordinates(!latitude_ok))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_cells() {
        // Values from the geohash.org reference examples.
        assert_eq!(
            encode_geohash(57.64911, 10.40744, 11).unwrap(),
            "u4pruydqqvj"
        );
        assert_eq!(encode_geohash(52.5200, 13.4050, 6).unwrap(), "u33dc0");
    }

    #[test]
    fn boundary_values_go_to_the_lower_cell() {
        assert_eq!(encode_geohash(0.0, 0.0, 6).unwrap(), "7zzzzz");
        assert_eq!(encode_geohash(-90.0, -180.0, 3).unwrap(), "000");
        assert_eq!(encode_geohash(90.0, 180.0, 3).unwrap(), "zzz");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for (lat, lon) in [
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
            (90.1, 0.0),
            (0.0, -180.5),
        ] {
            let err = encode_geohash(lat, lon, 6).unwrap_err();
            assert_eq!(err.name(), "InvalidCoordinatesError");
        }
        for precision in [0, 13, 255] {
            let err = encode_geohash(1.0, 1.0, precision).unwrap_err();
            assert_eq!(err.name(), "InvalidGeohashPrecisionError");
        }
    }

    #[test]
    fn own_trigonometry_matches_the_standard_library() {
        let steps = 20_000;
        for i in 0..=steps {
            let x = -std::f64::consts::PI
                + 2.0 * std::f64::consts::PI * f64::from(i) / f64::from(steps);
            assert!((sin(x) - x.sin()).abs() < 1e-12, "sin({x})");
            let latitude = x / 2.0;
            assert!(
                (cos(latitude) - latitude.cos()).abs() < 1e-12,
                "cos({latitude})"
            );
            let y = f64::from(i) / f64::from(steps);
            assert!((asin(y) - y.asin()).abs() < 1e-12, "asin({y})");
        }
    }

    #[test]
    fn distances_match_known_city_pairs() {
        // Berlin Hbf to Munich Hbf is about 504 km as the crow flies.
        let metres = distance_m(52.5251, 13.3694, 48.1402, 11.5600);
        assert!((metres - 504_000.0).abs() < 2_000.0, "{metres}");
        assert_eq!(distance_m(10.0, 20.0, 10.0, 20.0), 0.0);
        // Antipodes: half the circumference, no NaN from rounding above 1.
        let half = distance_m(0.0, 0.0, 0.0, 180.0);
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_M).abs() < 1.0);
    }

    #[test]
    fn coarsening_keeps_only_the_cell_and_the_nearest_site() {
        let sites = [
            SiteLocation::new("mitte", 52.5200, 13.4050).unwrap(),
            SiteLocation::new("munich", 48.1372, 11.5756).unwrap(),
        ];
        let signal = LocationSignal::coarsen(52.5163, 13.3777, 6, &sites).unwrap();
        assert_eq!(signal.geohash, "u33db2");
        assert_eq!(signal.nearest_id.as_deref(), Some("mitte"));
        let metres = signal.nearest_distance_m.unwrap();
        assert!((1_500..=2_300).contains(&metres), "{metres}");
        assert_eq!(metres % 10, 0);

        // Every position in one cell gives the same signal: nothing finer leaks.
        let elsewhere_in_cell = LocationSignal::coarsen(52.5180, 13.3740, 6, &sites).unwrap();
        assert_eq!(elsewhere_in_cell.geohash, "u33db2");
        assert_eq!(elsewhere_in_cell, signal);

        let alone = LocationSignal::coarsen(52.5163, 13.3777, 4, &[]).unwrap();
        assert_eq!(alone.geohash, "u33d");
        assert_eq!(alone.nearest_distance_m, None);
    }
}
