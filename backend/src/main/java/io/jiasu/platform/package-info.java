/**
 * What every feature shares: errors as problem+json, validation, the clock, ids, client addresses, the MongoDB
 * database, and the published contract's common parts (the Problem schema, the bearer scheme).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Jiasu API",
                        version = "1",
                        description = "Share-to-accelerate campaigns: sessions, campaigns, players, helps, prizes."),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
package io.jiasu.platform;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
