package dev.ganplayground.run;

import java.util.List;

/**
 * The class histogram of an image run's evaluation, as the {@code classes} message carries it.
 *
 * @param step               the step evaluated
 * @param counts             generated samples the classifier put in each class
 * @param labels             class names, in the order of counts
 * @param samples            samples evaluated
 * @param classifierAccuracy the classifier's accuracy on the dataset's held-out images
 */
public record ClassesSnapshot(long step, int[] counts, List<String> labels, int samples, double classifierAccuracy) {
}
