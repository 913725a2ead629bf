package dev.ganplayground.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.data.DatasetInfo;
import dev.ganplayground.data.ImageDatasets;

import java.util.ArrayList;
import java.util.List;

/** Every dataset a run can name in {@code data.kind}, as the {@code Dataset} of docs/protocol.md describes it. */
final class DatasetCatalog {
    private DatasetCatalog() {
    }

    /**
     * One dataset on the wire.
     *
     * @param family  "points" (2D distributions, always available) or "images"
     * @param detail  where an image dataset was found, or what is wrong with it
     * @param hint    for an unavailable dataset, exactly how to get it
     * @param classes an image dataset's class names
     * @param size    an image dataset's image count (0 when unavailable)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String id, String name, String family, boolean available, String detail, String hint,
                 List<String> classes, Integer size) {
    }

    /** The 2D distributions first, then the image datasets with their availability (reads IDX headers). */
    static List<Entry> all(ImageDatasets images) {
        List<Entry> out = new ArrayList<>();
        for (DatasetKind k : DatasetKind.values()) {
            if (!k.isImage()) {
                out.add(new Entry(k.wireName(), pointName(k), "points", true, null, null, null, null));
            }
        }
        for (DatasetInfo i : images.list()) {
            out.add(new Entry(i.id(), i.name(), "images", i.available(), i.detail(), i.hint(), i.classNames(),
                    i.size()));
        }
        return out;
    }

    private static String pointName(DatasetKind k) {
        return switch (k) {
            case RING8 -> "Ring of 8 Gaussians";
            case GRID25 -> "Grid of 25 Gaussians";
            case SPIRAL -> "Spiral";
            case MOONS -> "Two moons";
            case DRAWN -> "Drawn by hand";
            default -> k.wireName();
        };
    }
}
