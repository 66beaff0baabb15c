package com.simkiosk.card.fs;

import java.util.List;
import java.util.Optional;

/**
 * MF, a DF or an ADF. {@code aid} is set for applications (ADF.USIM), which are selected by AID.
 */
public record DedicatedFile(String name, int fid, Optional<String> aid, List<SimFile> children) implements SimFile {
    public DedicatedFile {
        children = List.copyOf(children);
    }

    public Optional<SimFile> child(int childFid) {
        return children.stream().filter(f -> f.fid() == childFid).findFirst();
    }

    /** The elementary file with this short file identifier, if one is declared here. */
    public Optional<ElementaryFile<?>> childBySfi(int sfi) {
        return children.stream()
                .filter(f -> f instanceof ElementaryFile<?> ef && ef.sfi() == sfi && sfi != 0)
                .<ElementaryFile<?>>map(f -> (ElementaryFile<?>) f)
                .findFirst();
    }
}
