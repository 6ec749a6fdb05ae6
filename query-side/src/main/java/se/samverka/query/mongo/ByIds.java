package se.samverka.query.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads by id for a tracking batch that keeps what it has read. */
public final class ByIds {
    private ByIds() {
    }

    /**
     * Reads, in one query, the documents among {@code ids} that {@code known} has no entry for
     * yet, and enters each in {@code known}: the document, or empty when none has that id (so it is
     * not asked for again). One read per batch instead of one per event that names the id.
     */
    public static <T> void readUnknown(MongoCollection<T> collection, Collection<String> ids, Function<T, String> idOf,
                                       Map<String, Optional<T>> known) {
        List<String> unknown = ids.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(id -> known.put(id, Optional.empty()));
        collection.find(in("_id", unknown)).forEach(document -> known.put(idOf.apply(document), Optional.of(document)));
    }
}
