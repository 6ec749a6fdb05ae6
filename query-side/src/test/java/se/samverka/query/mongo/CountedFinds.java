package se.samverka.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.bson.BsonDocument;

/**
 * A driver client on a test's Mongo server that notes the finds it sends to one collection, for
 * tests of how often a projection reads (the real driver's command listener, nothing stubbed).
 */
public final class CountedFinds implements AutoCloseable {
    private final List<String> finds = new CopyOnWriteArrayList<>();
    private final MongoClient client;

    /** Notes each find on {@code collection} that {@code which} accepts (given the command sent). */
    public CountedFinds(MongoServer server, String collection, Predicate<BsonDocument> which) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if ("find".equals(event.getCommandName())
                                && collection.equals(event.getCommand().getString("find").getValue())
                                && which.test(event.getCommand())) {
                            finds.add(event.getCommand().toJson());
                        }
                    }
                }).build());
    }

    public MongoClient client() {
        return client;
    }

    /** The finds noted so far, as JSON. */
    public List<String> finds() {
        return finds;
    }

    public void clear() {
        finds.clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
