//! placeholder
pub const WEIGHTS: [[f32; 21]; 3] = [[0.0; 21], [-1.0; 21], [0.0; 21]];
