//! The one dot product the engine's vector code shares: sentence and token vectors, the static
//! word table, the pair model's weights.

/// `x · y` summed left to right from -0.0, the order and start `Iterator::sum` uses.
/// `cluster::semantic::dots` reproduces it bit for bit, four vectors at a time, so a cosine is
/// the same number whichever of the two computed it.
pub(crate) fn dot(x: &[f32], y: &[f32]) -> f32 {
    x.iter().zip(y).map(|(p, q)| p * q).sum()
}
