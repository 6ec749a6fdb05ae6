package se.samverka.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    /** Axon caches a fresh entry object after each command: nothing but the cache holds it. */
    @Test
    void givenAnEntryNothingElseHolds_whenTheHeapIsCollected_thenItIsStillCached() {
        BoundedAggregateCache cache = new BoundedAggregateCache(4);
        cache.put("w1", new Object[] {"the workshop as the last command left it"});

        System.gc();

        assertThat(cache.<String, Object[]>get("w1")).containsExactly("the workshop as the last command left it");
    }

    @Test
    void givenMoreWorkshopsThanItHolds_thenTheLeastRecentlyUsedLeavesAndListenersHearIt() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<String> expired = new CopyOnWriteArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add((String) key);
            }
        });
        cache.put("w1", "one");
        cache.put("w2", "two");
        cache.get("w1");

        cache.put("w3", "three");

        assertThat(cache.containsKey("w1")).isTrue();
        assertThat(cache.containsKey("w2")).isFalse();
        assertThat(cache.containsKey("w3")).isTrue();
        assertThat(expired).containsExactly("w2");
    }

    /** Axon removes an aggregate whose command rolled back: the next command loads it from the store. */
    @Test
    void givenRemovals_thenNothingIsLeftAndListenersHearEach() {
        BoundedAggregateCache cache = new BoundedAggregateCache(8);
        List<Object> removed = new CopyOnWriteArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add(key);
            }
        });
        cache.put("w1", "one");
        cache.put("w2", "two");
        cache.put("w3", "three");

        assertThat(cache.remove("w1")).isTrue();
        assertThat(cache.remove("w1")).isFalse();
        cache.removeAll();

        assertThat(cache.containsKey("w2")).isFalse();
        assertThat(cache.<String, String>get("w3")).isNull();
        assertThat(removed).containsExactlyInAnyOrder("w1", "w2", "w3");
    }

    @Test
    void givenPutIfAbsentAndComputes_thenTheyKeepWhatIsThere() {
        BoundedAggregateCache cache = new BoundedAggregateCache(8);

        assertThat(cache.putIfAbsent("w1", "one")).isTrue();
        assertThat(cache.putIfAbsent("w1", "other")).isFalse();
        assertThat(cache.<String>computeIfAbsent("w1", () -> "other")).isEqualTo("one");
        cache.<String>computeIfPresent("w1", value -> value + "!");
        cache.<String>computeIfPresent("w2", value -> "never");

        assertThat(cache.<String, String>get("w1")).isEqualTo("one!");
        assertThat(cache.containsKey("w2")).isFalse();
    }
}
