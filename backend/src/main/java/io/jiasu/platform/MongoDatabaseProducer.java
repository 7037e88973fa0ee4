package io.jiasu.platform;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one MongoDB database the stores share. */
@ApplicationScoped
class MongoDatabaseProducer {
    @Produces
    @ApplicationScoped
    ReactiveMongoDatabase database(
            ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        return client.getDatabase(name);
    }
}
