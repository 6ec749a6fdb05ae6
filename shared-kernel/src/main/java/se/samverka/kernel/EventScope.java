package se.samverka.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Which project and which workshop an event names, read from its record components
 * {@code projectId} ({@link ProjectId}) and {@code workshopId} ({@link WorkshopId}).
 *
 * <p>The audit trail and the hash chain use it to file every event of every aggregate under
 * its project without a list of event types: an aggregate joins a project with the first event
 * that names the project (for a workshop, {@code WorkshopCreatedEvent}); its later events follow
 * it there. New aggregates (meetings, decisions, risks) join the record automatically as long
 * as their first event carries a {@code projectId}.
 */
public final class EventScope {
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return Accessors.of(type);
        }
    };

    private EventScope() {
    }

    /** The project the event names, if it names one. */
    public static Optional<ProjectId> projectOf(Object payload) {
        return payload == null ? Optional.empty()
                : read(payload, ACCESSORS.get(payload.getClass()).project(), ProjectId.class);
    }

    /** The workshop the event names, if it names one. */
    public static Optional<WorkshopId> workshopOf(Object payload) {
        return payload == null ? Optional.empty()
                : read(payload, ACCESSORS.get(payload.getClass()).workshop(), WorkshopId.class);
    }

    private static <T> Optional<T> read(Object payload, RecordComponent component, Class<T> type) {
        if (component == null) {
            return Optional.empty();
        }
        try {
            var accessor = component.getAccessor();
            accessor.trySetAccessible();
            return Optional.ofNullable(type.cast(accessor.invoke(payload)));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + payload.getClass(), e);
        }
    }

    private record Accessors(RecordComponent project, RecordComponent workshop) {
        static Accessors of(Class<?> type) {
            if (!type.isRecord()) {
                return new Accessors(null, null);
            }
            RecordComponent project = null;
            RecordComponent workshop = null;
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("projectId") && component.getType() == ProjectId.class) {
                    project = component;
                } else if (component.getName().equals("workshopId") && component.getType() == WorkshopId.class) {
                    workshop = component;
                }
            }
            return new Accessors(project, workshop);
        }
    }
}
