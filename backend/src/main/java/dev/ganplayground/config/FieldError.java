package dev.ganplayground.config;

/**
 * One problem with one field of a request, as it goes on the wire.
 *
 * @param pointer RFC 6901 JSON pointer to the field, relative to the config root (e.g. {@code /train/batchSize});
 *                empty for the document as a whole
 * @param message what is wrong, naming the value found (e.g. "must be in [1, 4096], found 1000000000")
 */
public record FieldError(String pointer, String message) {
}
