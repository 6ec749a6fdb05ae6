package se.samverka.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat gives every open connection its own read and write buffer for as long as it is open
 * ({@code socket.appReadBufSize}, {@code socket.appWriteBufSize}, 8 KB each by default). A
 * meeting keeps a WebSocket open per phone and most of them sit idle, so these buffers, not
 * traffic, are what a thousand participants cost a node. Tomcat's documentation advises smaller
 * ones for many keep-alive connections; larger requests and pushes still pass, in more reads
 * and writes. See docs/benchmarks.md, memory per idle client.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionBuffers {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBufferSizes(
            @Value("${samverka.server.connection-buffer-bytes:4096}") int bufferBytes) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(bufferBytes));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(bufferBytes));
        });
    }
}
