package io.jiasu.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document against the contract in {@code ../shared/API.md} (beside the repository): every
 * operation the contract names is served and documented, with its schemas, the problem+json answer on every error
 * status and the bearer scheme, so a client can generate an SDK from {@code /q/openapi}.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {
    /**
     * Operations of the contract's wave 2 that other work is building now. Each one is taken off this list in the
     * change that serves it: the test fails while a listed operation is served, and when an unlisted one is missing.
     */
    private static final Set<String> NOT_YET_SERVED = Set.of();

    /** Operations the backend serves beyond API.md; each is described in the backend README. */
    private static final Set<String> BEYOND_THE_CONTRACT = Set.of(
            "GET /api/v1/campaigns/{cid}/players/me/claim",
            "GET /api/v1/admin/campaigns/{cid}/activity",
            "GET /api/v1/admin/campaigns/{cid}/leaderboard",
            "GET /api/v1/admin/campaigns/{cid}/winners",
            "GET /api/v1/admin/campaigns/{cid}/winners.xlsx",
            "GET /api/v1/admin/campaigns/{cid}/players.csv",
            "POST /api/v1/admin/campaigns/{cid}/players/{shareCode}/claim/review",
            "GET /api/v1/admin/audit",
            "POST /api/v1/admin/claims/rekey",
            "GET /api/v1/admin/media-events",
            "GET /api/v1/admin/campaigns/{cid}/review-queue",
            "POST /api/v1/admin/campaigns/{cid}/held-helps/{id}/review",
            "GET /api/v1/admin/campaigns/{cid}/risk-policy",
            "PUT /api/v1/admin/campaigns/{cid}/risk-policy",
            "PUT /api/v1/me",
            "DELETE /api/v1/sessions");

    private static final Pattern OPERATION =
            Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) +((?:/|\\.\\.\\./)[A-Za-z0-9_{}./-]*)");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void everyOperationOfTheContractIsServedSaveTheListedOnesAndNothingElseIs() throws IOException {
        Set<String> contract = contractOperations();
        Set<String> served = servedOperations();

        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(served);
        missing.removeAll(NOT_YET_SERVED);
        assertEquals(Set.of(), missing, "in API.md but not in /q/openapi");

        Set<String> landed = new TreeSet<>(NOT_YET_SERVED);
        landed.retainAll(served);
        assertEquals(Set.of(), landed, "served now: take these off NOT_YET_SERVED");

        Set<String> unlisted = new TreeSet<>(NOT_YET_SERVED);
        unlisted.removeAll(contract);
        assertEquals(Set.of(), unlisted, "NOT_YET_SERVED names operations API.md does not have");

        Set<String> extra = new TreeSet<>(served);
        extra.removeAll(contract);
        assertEquals(new TreeSet<>(BEYOND_THE_CONTRACT), extra, "served beyond API.md: add to API.md or the list");
    }

    @Test
    void everyOperationDescribesItsBodiesAndAnswersEveryErrorWithTheProblemSchema() {
        Map<String, Object> document = document();
        Map<String, Object> problem = map(map(map(document, "components"), "schemas"), "Problem");
        assertTrue(
                map(problem, "properties")
                        .keySet()
                        .containsAll(List.of("type", "title", "status", "detail", "code", "errors")),
                problem.toString());

        forEachOperation(document, (name, operation) -> {
            Map<String, Object> responses = map(operation, "responses");
            List<String> successes = responses.keySet().stream()
                    .filter(code -> code.startsWith("2"))
                    .toList();
            assertFalse(successes.isEmpty(), name + " documents no success");
            for (String code : successes) {
                if (!code.equals("204")) {
                    assertTrue(hasSchema(map(responses, code)), name + " " + code + " has no body schema");
                }
            }
            for (String code : responses.keySet()) {
                if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                    assertEquals(
                            PROBLEM,
                            map(map(map(map(responses, code), "content"), Problem.MEDIA_TYPE), "schema")
                                    .get("$ref"),
                            name + " " + code);
                }
            }
            assertTrue(responses.containsKey("default"), name + " says nothing of its failures");
            if (operation.containsKey("requestBody")) {
                assertTrue(hasSchema(map(operation, "requestBody")), name + " takes a body of no schema");
            }
        });
        assertEquals(
                "string",
                map(map(document, "components"), "schemas").get("ZoneId") instanceof Map<?, ?> zone
                        ? zone.get("type")
                        : null);
        // views that share a part (the campaign's definition, a player's progress) still show one flat object
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        assertTrue(
                map(map(schemas, "CampaignView"), "properties")
                        .keySet()
                        .containsAll(List.of("id", "title", "goal", "schedule", "timeZone", "status", "serverTime")),
                map(schemas, "CampaignView").toString());
        assertFalse(map(map(schemas, "CampaignView"), "properties").containsKey("prizesTaken"));
        assertTrue(
                map(map(schemas, "PlayerView"), "properties")
                        .keySet()
                        .containsAll(List.of("shareCode", "progress", "goal", "helpers", "friendsNeeded", "rank")),
                map(schemas, "PlayerView").toString());
        assertEquals(
                "#/components/schemas/LoginRequest",
                schemaOf(map(operation(document, "post", "/api/v1/session"), "requestBody"))
                        .get("$ref"));
        assertEquals(
                "#/components/schemas/SessionCreated",
                schemaOf(map(map(operation(document, "post", "/api/v1/session"), "responses"), "201"))
                        .get("$ref"));
        assertEquals(
                "#/components/schemas/BoostResult",
                schemaOf(map(
                                map(
                                        operation(
                                                document, "post", "/api/v1/campaigns/{cid}/players/{shareCode}/boosts"),
                                        "responses"),
                                "201"))
                        .get("$ref"));
    }

    @Test
    void theBearerSchemeGuardsTheSignedInOperations() {
        Map<String, Object> document = document();
        Map<String, Object> bearer = map(map(map(document, "components"), "securitySchemes"), "bearer");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
        for (String[] secured : List.of(
                new String[] {"post", "/api/v1/campaigns/{cid}/players/{shareCode}/boosts"},
                new String[] {"get", "/api/v1/me"},
                new String[] {"put", "/api/v1/admin/campaigns/{cid}"})) {
            List<?> security =
                    (List<?>) operation(document, secured[0], secured[1]).get("security");
            assertEquals(1, security.size(), secured[0] + " " + secured[1]);
            assertEquals(Set.of("bearer"), ((Map<?, ?>) security.get(0)).keySet(), secured[0] + " " + secured[1]);
        }
        assertFalse(operation(document, "get", "/api/v1/campaigns/{cid}").containsKey("security"));
    }

    /** Every "METHOD /path" API.md names; "..." stands for the start of the one full path that ends alike. */
    private static Set<String> contractOperations() throws IOException {
        Path apiMd = Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolveSibling("shared")
                .resolve("API.md");
        assertTrue(Files.exists(apiMd), "the contract is read from " + apiMd);
        Matcher m = OPERATION.matcher(Files.readString(apiMd));
        List<String[]> named = new ArrayList<>();
        while (m.find()) {
            named.add(new String[] {m.group(1), m.group(2).replaceAll("[.]$", "")});
        }
        Set<String> fullPaths = named.stream()
                .map(op -> op[1])
                .filter(path -> path.startsWith("/"))
                .collect(Collectors.toSet());
        Set<String> operations = new TreeSet<>();
        for (String[] op : named) {
            String path = op[1];
            if (path.startsWith(".../")) {
                String tail = path.substring(3);
                List<String> full =
                        fullPaths.stream().filter(p -> p.endsWith(tail)).toList();
                assertEquals(1, full.size(), "API.md's " + path + " must end exactly one full path: " + full);
                path = full.get(0);
            }
            operations.add(op[0] + " " + path);
        }
        assertTrue(operations.size() > 20, "read " + operations);
        return operations;
    }

    private static Set<String> servedOperations() {
        Set<String> served = new TreeSet<>();
        forEachOperation(document(), (name, operation) -> served.add(name));
        return served;
    }

    private static Map<String, Object> document() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(
            Map<String, Object> document, java.util.function.BiConsumer<String, Map<String, Object>> check) {
        map(document, "paths")
                .forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        check.accept(method.toUpperCase() + " " + path, (Map<String, Object>) operation);
                    }
                }));
    }

    private static Map<String, Object> operation(Map<String, Object> document, String method, String path) {
        return map(map(map(document, "paths"), path), method);
    }

    private static boolean hasSchema(Map<String, Object> bodyOrResponse) {
        Object content = bodyOrResponse.get("content");
        return content instanceof Map<?, ?> types
                && !types.isEmpty()
                && types.values().stream().allMatch(type -> type instanceof Map<?, ?> t && t.get("schema") != null);
    }

    private static Map<String, Object> schemaOf(Map<String, Object> bodyOrResponse) {
        return map(map(map(bodyOrResponse, "content"), "application/json"), "schema");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertNotNull(child, key + " missing in " + parent.keySet());
        return (Map<String, Object>) child;
    }
}
