package dev.vcportfolio.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on the outbox channel over its own connection (a pooled one would be handed to other work) and wakes the
 * worker on every NOTIFY. The subscriber reconnects by itself when the connection drops; the worker's poll covers
 * the gap.
 */
@ApplicationScoped
class OutboxListener {

    static final String CHANNEL = "job_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final long RECONNECT_DELAY_MILLIS = 1_000;

    private final OutboxWorker worker;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    OutboxListener(
            OutboxWorker worker,
            OutboxConfig config,
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.worker = worker;
        this.config = config;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> RECONNECT_DELAY_MILLIS)
                .closeHandler(() -> LOG.warn("Outbox LISTEN connection closed for good; polling only"));
        subscriber.channel(CHANNEL).subscribeHandler(worker::wake).handler(payload -> worker.wake());
        subscriber
                .connect()
                .subscribe()
                .with(connected -> LOG.info("Outbox worker listening on " + CHANNEL), failure -> {
                    // the reconnect policy only covers dropped connections, not the first attempt
                    LOG.warnf("Outbox LISTEN could not connect (%s); retrying", failure.getMessage());
                    vertx.setTimer(RECONNECT_DELAY_MILLIS, retry -> start(event));
                });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
