//! Scores to probabilities, in one place.

/// Log-probabilities of log-odds scores (log-softmax): how much more likely each moment is
/// than the others, whatever the scale of the scores.
pub fn log_softmax(logits: [f32; 4]) -> [f32; 4] {
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let sum: f32 = logits.iter().map(|l| (l - max).exp()).sum();
    let log_sum = sum.ln() + max;
    logits.map(|l| l - log_sum)
}

/// Probabilities of log-odds scores; they sum to 1.
pub fn softmax(logits: [f32; 4]) -> [f32; 4] {
    log_softmax(logits).map(f32::exp)
}

/// The probability of one log-odds score.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_are_a_distribution() {
        let p = softmax([1000.0, 0.0, -1000.0, 3.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[0] > 0.999);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-6);
        let logs = log_softmax([1.0, 2.0, 3.0, 4.0]);
        assert!((logs.map(f32::exp).iter().sum::<f32>() - 1.0).abs() < 1e-6);
    }
}
