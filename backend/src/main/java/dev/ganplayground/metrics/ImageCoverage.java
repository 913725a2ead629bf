package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * Mode coverage of generated images, judged by the dataset's {@link ImageClassifier}: each image counts for the
 * class the classifier finds most likely.
 *
 * <p>{@code frechetDistance} is a <em>Frechet classifier distance</em>: the Frechet distance between Gaussians fitted
 * to our small classifier's penultimate features (128) of the generated images and of the dataset's real test
 * images. It is NOT the FID of Heusel et al. 2017, which uses Inception-v3 pool features; its values are only
 * comparable with each other, on the same dataset and classifier, and for similar sample counts (the estimate is
 * biased upward for small n; fewer samples than features leave the generated covariance rank-deficient).
 *
 * @param counts          generated images per class, in class order
 * @param classesCovered  classes holding at least {@link #COVERED_SHARE} of the uniform share n / K (and at least
 *                        one image): a class the generator produces 10x less often than a uniform one is "missed"
 * @param klToUniform     KL(p || uniform over the K classes), natural log, p = counts / n; 0 log 0 = 0, so no
 *                        smoothing is needed (the uniform side is never 0); 0 for perfect balance, log K for total
 *                        collapse onto one class, and log K when n is 0
 * @param meanConfidence  mean over the images of the classifier's softmax probability of its chosen class: low
 *                        values mean images the classifier cannot place (blurry, mixed or garbage)
 * @param frechetDistance squared Frechet distance of the feature Gaussians (>= 0); NaN when n &lt; 2
 * @param n               images evaluated
 */
public record ImageCoverage(int[] counts, int classesCovered, double klToUniform, double meanConfidence,
                            double frechetDistance, int n) {
    /** A class is covered when it holds at least this fraction of the uniform share n / K. */
    public static final double COVERED_SHARE = 0.1;

    public ImageCoverage {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int classCount() {
        return counts.length;
    }

    /**
     * Classifies {@code n} generated images stored one after another in {@code generated} (floats in [-1, 1], the
     * classifier's input size each) and compares their features with the real test images' statistics.
     */
    public static ImageCoverage evaluate(ImageClassifier classifier, float[] generated, int n) {
        if (classifier == null || generated == null) {
            throw new IllegalArgumentException("classifier and generated must not be null");
        }
        ImageClassifier.Classified c = classifier.classify(generated, n, n >= 2);
        double frechet = n >= 2
                ? FrechetDistance.between(GaussianStats.of(c.features(), n, classifier.featureDim()),
                classifier.realFeatureStats())
                : Double.NaN;
        return fromPredictions(c.labels(), c.confidence(), classifier.classCount(), frechet);
    }

    /** The histogram part from given predictions (labels in [0, classes)), with a given Frechet distance. */
    static ImageCoverage fromPredictions(int[] labels, float[] confidence, int classes, double frechet) {
        int n = labels.length;
        int[] counts = new int[classes];
        double conf = 0;
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            conf += confidence[i];
        }
        int covered = 0;
        for (int count : counts) {
            // count >= share * n / K, in integers where possible: K * count >= share * n.
            if (count > 0 && (double) classes * count >= COVERED_SHARE * n) {
                covered++;
            }
        }
        double kl = ModeCoverage.reverseKl(counts, n);
        return new ImageCoverage(counts, covered, kl, n == 0 ? 0 : conf / n, frechet, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageCoverage r && classesCovered == r.classesCovered && n == r.n
                && Double.compare(klToUniform, r.klToUniform) == 0
                && Double.compare(meanConfidence, r.meanConfidence) == 0
                && Double.compare(frechetDistance, r.frechetDistance) == 0 && Arrays.equals(counts, r.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(klToUniform) + n;
    }

    @Override
    public String toString() {
        return "ImageCoverage[counts=" + Arrays.toString(counts) + ", classesCovered=" + classesCovered
                + ", klToUniform=" + klToUniform + ", meanConfidence=" + meanConfidence + ", frechetDistance="
                + frechetDistance + ", n=" + n + "]";
    }
}
