package io.jiasu.media;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** POST /api/v1/me/avatar and GET /media/avatars/{name}: what is accepted, what comes back, how it is cached. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class AvatarUploadTest {
    private static final String AVATAR = "/api/v1/me/avatar";
    private static final String URL_PATTERN = "/media/avatars/[0-9a-f]{64}\\.(jpg|png)";

    @Inject
    MongoClient mongo;

    @Test
    void anUploadedJpegComesBackWithoutItsExifAndGps() {
        byte[] upload = Images.jpegWithExif(100 + ThreadLocalRandom.current().nextInt(100), 80);
        assertTrue(contains(upload, Images.GPS_MARKER.getBytes(StandardCharsets.ISO_8859_1)));

        String url = upload(login(unique("exif")), "me.jpg", "image/jpeg", upload)
                .then()
                .statusCode(200)
                .body("avatarUrl", matchesPattern(URL_PATTERN))
                .extract()
                .path("avatarUrl");

        byte[] served = given().get(url).then().statusCode(200).extract().asByteArray();
        assertFalse(contains(served, Images.GPS_MARKER.getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(contains(served, "Exif".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(url.endsWith(".jpg"));
        assertEquals(Images.decode(upload).getWidth(), Images.decode(served).getWidth());
    }

    @Test
    void aLargeImageIsScaledToFitTwoHundredFiftySixKeepingItsAspect() {
        String url = uploadedAvatar(login(unique("big")), "big.jpg", "image/jpeg", Images.noisyJpeg(1000, 600, 1));

        BufferedImage served = Images.decode(given().get(url).asByteArray());
        assertEquals(256, served.getWidth());
        assertEquals(154, served.getHeight());
    }

    @Test
    void aPngClaimingTwentyThousandPixelsASideIsRefusedBeforeDecoding() {
        byte[] bomb = Images.pngBomb(20000);
        assertTrue(bomb.length < 100);

        upload(login(unique("bomb")), "bomb.png", "image/png", bomb)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("is over 4096 × 4096 pixels"));
    }

    @Test
    void whatIsNotAJpegOrPngIsRefusedByItsContent() {
        String token = login(unique("types"));
        upload(token, "a.gif", "image/gif", Images.gif(40, 40))
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        upload(token, "a.jpg", "image/jpeg", "not an image at all".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        byte[] truncated = Arrays.copyOf(Images.noisyJpeg(200, 200, 2), 400);
        upload(token, "cut.jpg", "image/jpeg", truncated)
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].message", equalTo("is not a decodable image"));
    }

    @Test
    void aPngNamedJpgIsJudgedByItsContent() {
        byte[] png = Images.transparentPng(120 + ThreadLocalRandom.current().nextInt(100), 90, Color.GREEN);
        String url = uploadedAvatar(login(unique("renamed")), "photo.jpg", "image/jpeg", png);

        assertTrue(url.endsWith(".png"), url);
        given().get(url).then().statusCode(200).contentType("image/png");
    }

    @Test
    void anImageOverOneMebibyteIsRefusedWithAProblem() {
        byte[] tooBig = Arrays.copyOf(Images.jpeg(10, 10, Color.BLUE), 1024 * 1024 + 1);
        upload(login(unique("huge")), "huge.jpg", "image/jpeg", tooBig)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void uploadingNeedsASignedInUser() {
        given().multiPart("file", "a.jpg", Images.jpeg(20, 20, Color.BLUE), "image/jpeg")
                .post(AVATAR)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anUploadWithoutAFilePartIsAValidationProblem() {
        given().auth()
                .oauth2(login(unique("nofile")))
                .multiPart("other", "x")
                .post(AVATAR)
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void theSameImageTwiceGivesTheSameUrlAndOneStoredCopy() {
        byte[] image = Images.noisyJpeg(300, 300, ThreadLocalRandom.current().nextLong());
        String first = uploadedAvatar(login(unique("twice")), "a.jpg", "image/jpeg", image);
        String second = uploadedAvatar(login(unique("twice")), "b.jpg", "image/jpeg", image);

        assertEquals(first, second);
        String name = first.substring(first.lastIndexOf('/') + 1);
        String sha256 = name.substring(0, 64);
        assertEquals(
                1, mongo.getDatabase("jiasu").getCollection("avatars").countDocuments(new Document("sha256", sha256)));
    }

    @Test
    void anAvatarIsServedImmutableWithAStrongEtagAndRevalidatesTo304() {
        String url = uploadedAvatar(login(unique("cache")), "c.jpg", "image/jpeg", Images.noisyJpeg(64, 64, 3));
        String sha256 = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('.'));

        Response served = given().get(url);
        served.then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + sha256 + "\"");
        given().header("If-None-Match", "\"" + sha256 + "\"")
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", "\"" + sha256 + "\"")
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
    }

    @Test
    void unknownAvatarsAreNotFoundProblems() {
        given().get("/media/avatars/" + "0".repeat(64) + ".png")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().get("/media/avatars/../../etc/passwd").then().statusCode(404);
        given().get("/media/avatars/not-a-hash.png").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theProfileTakesOnlyAnAvatarThisServerIssued() {
        String token = login(unique("patch"));
        String issued = uploadedAvatar(login(unique("other")), "o.jpg", "image/jpeg", Images.noisyJpeg(50, 70, 4));

        for (String foreign : new String[] {
            "https://evil.example/a.png", "/media/avatars/" + "0".repeat(64) + ".png", issued + "?x=1", "javascript:x"
        }) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("avatarUrl", foreign))
                    .patch("/api/v1/me")
                    .then()
                    .statusCode(422)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("avatarUrl"));
        }
        given().auth().oauth2(token).get("/api/v1/me").then().body("avatarUrl", equalTo(null));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("avatarUrl", issued))
                .patch("/api/v1/me")
                .then()
                .statusCode(200)
                .body("avatarUrl", equalTo(issued));
        given().auth().oauth2(token).get("/api/v1/me").then().body("avatarUrl", equalTo(issued));
    }

    /** Uploads and insists it was accepted; returns the new avatarUrl. */
    static String uploadedAvatar(String token, String fileName, String contentType, byte[] bytes) {
        return upload(token, fileName, contentType, bytes)
                .then()
                .statusCode(200)
                .extract()
                .path("avatarUrl");
    }

    static Response upload(String token, String fileName, String contentType, byte[] bytes) {
        return given().auth()
                .oauth2(token)
                .multiPart("file", fileName, bytes, contentType)
                .post(AVATAR);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
