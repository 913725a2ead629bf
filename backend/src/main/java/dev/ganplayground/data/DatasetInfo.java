package dev.ganplayground.data;

import java.util.List;

/**
 * What the registry knows about one image dataset without loading it.
 *
 * @param id         registry id: {@code mnist}, {@code fashion} or {@code shapes}
 * @param name       name for people
 * @param available  whether {@link ImageDatasets#load} can be expected to succeed
 * @param size       images in train and test part together; 0 when unavailable
 * @param classNames class names in label order
 * @param detail     where the data was found, or what is wrong with it
 * @param hint       when unavailable, exactly how to get the data; null when available
 */
public record DatasetInfo(String id, String name, boolean available, int size, List<String> classNames,
                          String detail, String hint) {
    public DatasetInfo {
        classNames = List.copyOf(classNames);
    }
}
