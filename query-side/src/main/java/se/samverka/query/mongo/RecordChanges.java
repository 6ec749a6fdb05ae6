package se.samverka.query.mongo;

import com.mongodb.client.model.Updates;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.conversions.Bson;

/**
 * The {@code $set}s that turn a stored record document into a changed one: each changed
 * component, and of a list that kept its length only the changed elements. A vote changes one
 * capability of a workshop's forty or so; writing that element, not the whole document, is what
 * a busy workshop's read model costs per tracking batch. The record's components must be stored
 * under their own names (no renaming annotations), and the id must not change.
 */
public final class RecordChanges {
    private static final String ID = "id";

    private RecordChanges() {
    }

    public static <R extends Record> List<Bson> between(R before, R after) {
        List<Bson> sets = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            Object old = value(component, before);
            Object next = value(component, after);
            if (old == next || Objects.equals(old, next)) {
                continue;
            }
            if (ID.equals(component.getName())) {
                throw new IllegalArgumentException("a document's id does not change: " + old + " -> " + next);
            }
            String field = component.getName();
            if (old instanceof List<?> oldList && next instanceof List<?> nextList && oldList.size() == nextList.size()) {
                for (int i = 0; i < nextList.size(); i++) {
                    Object element = nextList.get(i);
                    if (oldList.get(i) != element && !Objects.equals(oldList.get(i), element)) {
                        sets.add(Updates.set(field + "." + i, element));
                    }
                }
            } else {
                sets.add(Updates.set(field, next));
            }
        }
        return sets;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
