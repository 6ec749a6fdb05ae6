package se.samverka.app.multinode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of the test's own, driven by {@code rabbitmqctl} on this machine (as
 * root, as {@code .ci/run} runs). Its own virtual host keeps the sessions of anything else using
 * this RabbitMQ out of the counts, and deleting it is how the test takes RabbitMQ away from the
 * nodes: RabbitMQ closes every session in it. The management plugin is not needed.
 */
final class RabbitMqVirtualHost implements AutoCloseable {
    private final String name;
    private final String user;

    private RabbitMqVirtualHost(String name, String user) {
        this.name = name;
        this.user = user;
    }

    static RabbitMqVirtualHost create(String name, String user) {
        RabbitMqVirtualHost host = new RabbitMqVirtualHost(name, user);
        host.restore();
        return host;
    }

    String name() {
        return name;
    }

    /** Client connections with a channel in this virtual host (a STOMP session holds one channel). */
    long connections() {
        return rows("list_channels", "vhost", "connection").stream()
                .filter(row -> row[0].equals(name)).map(row -> row[1]).distinct().count();
    }

    /** Consumers of each queue in this virtual host: RabbitMQ makes one queue per STOMP subscription. */
    List<Integer> consumersPerQueue() {
        return rows("list_queues", "-p", name, "consumers").stream().map(row -> Integer.parseInt(row[0])).toList();
    }

    /** RabbitMQ goes away for the nodes: every session in this virtual host is closed, and new ones refused. */
    void cutOff() {
        run("delete_vhost", name);
    }

    void restore() {
        run("add_vhost", name);
        run("set_permissions", "-p", name, user, ".*", ".*", ".*");
    }

    @Override
    public void close() {
        run("delete_vhost", name);
    }

    private static List<String[]> rows(String... command) {
        return run(command).lines().filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
    }

    private static String run(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "rabbitmqctl";
        command[1] = "-s";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("this test drives RabbitMQ with rabbitmqctl, which could not be run ("
                    + e.getMessage() + "); run it where RabbitMQ is installed, as .ci/run does", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
