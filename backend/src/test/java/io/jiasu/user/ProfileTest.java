package io.jiasu.user;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile a user edits: PUT is the mini-program's way to send the partial update PATCH describes. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ProfileTest {
    private static ValidatableResponse put(String token, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/me")
                .then();
    }

    @Test
    void putChangesOnlyTheFieldsItCarriesLikePatch() {
        String token = login(unique("face"));
        put(token, Map.of("nickname", "爱丽丝"))
                .statusCode(200)
                .body("nickname", equalTo("爱丽丝"))
                .body("avatarUrl", nullValue());
        put(token, Map.of()).statusCode(200).body("nickname", equalTo("爱丽丝"));
    }

    @Test
    void aNicknameOfInvisibleCharactersOnlyIsRefused() {
        String token = login(unique("ghost"));
        for (String invisible :
                new String[] {"\u200B\u200B", "\u3164", "\u200D\uFEFF\u2060", "\u2800\u00A0", "\u3000\u200B"}) {
            patchNickname(token, invisible)
                    .statusCode(422)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("nickname"));
        }
        patchNickname(token, "\u200B小明").statusCode(200);
    }

    private static ValidatableResponse patchNickname(String token, String nickname) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("nickname", nickname))
                .patch("/api/v1/me")
                .then();
    }

    @Test
    void putRefusesWhatPatchRefuses() {
        String token = login(unique("face"));
        put(token, Map.of("nickname", "x".repeat(21)))
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("nickname"));
        put(token, Map.of("avatarUrl", "https://elsewhere.example/a.png"))
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"));
        put(token, Map.of("nickname", "违禁词")).statusCode(422).body("code", equalTo("CONTENT_RISKY"));
        given().contentType(ContentType.JSON)
                .body(Map.of("nickname", "ok"))
                .put("/api/v1/me")
                .then()
                .statusCode(401);
    }
}
