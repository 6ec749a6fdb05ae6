package se.samverka.app.devtools;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB wire-protocol server as a process of its own, for trying several query
 * nodes on one machine without a MongoDB: the nodes share it through {@code MONGODB_URI}. In
 * memory only, and loopback only; production uses a real MongoDB (docker-compose.yml).
 *
 * <pre>
 * java -cp app/target/samverka.jar -Dloader.main=se.samverka.app.devtools.SharedMongoServer \
 *      org.springframework.boot.loader.launch.PropertiesLauncher 27018
 * </pre>
 */
public final class SharedMongoServer {
    private SharedMongoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("Shared MongoDB wire-protocol server on " + server.getLocalAddress()
                + " (in memory); stop it with Ctrl-C");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }));
        stopped.await();
    }
}
