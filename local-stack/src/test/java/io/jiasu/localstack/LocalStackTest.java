package io.jiasu.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The side process the local-run script starts: both services come up, say so, and stop on SIGTERM. */
class LocalStackTest {
    private static final Pattern MONGO_READY = Pattern.compile("mongo ready on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WECHAT_READY = Pattern.compile("wechat stub ready on (http://127\\.0\\.0\\.1:(\\d+))");

    private Process process;

    @AfterEach
    void stopProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Process launch(String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(javaBin, "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process;
    }

    @Test
    void bothServicesAnnounceThemselvesServeAndStopOnSigterm() throws Exception {
        Process stack = launch("--mongo-port", "0", "--wechat-port", "0", "--risky-word", "本地坏词");
        BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
        Matcher mongo = MONGO_READY.matcher(out.readLine());
        Matcher wechat = WECHAT_READY.matcher(out.readLine());
        assertTrue(mongo.matches(), "first line announces mongo");
        assertTrue(wechat.matches(), "second line announces the stub");
        int mongoPort = Integer.parseInt(mongo.group(1));
        int wechatPort = Integer.parseInt(wechat.group(2));

        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            client.getDatabase("local").getCollection("ping").insertOne(new Document("ok", 1));
            assertEquals(1, client.getDatabase("local").getCollection("ping").countDocuments());
        }
        HttpResponse<String> token = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                wechat.group(1)
                                                        + "/cgi-bin/token?grant_type=client_credential&appid=wxstub0000000000&secret=stub-secret"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(token.body().contains("access_token"), token.body());
        String accessToken =
                Json.MAPPER.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> check = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(wechat.group(1) + "/wxa/msg_sec_check?access_token=" + accessToken))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"content\":\"本地坏词\",\"version\":2,\"scene\":1,\"openid\":\"alice\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(
                "risky",
                Json.MAPPER.readTree(check.body()).at("/result/suggest").asText(),
                "--risky-word is used");

        stack.destroy();
        assertTrue(stack.waitFor(15, TimeUnit.SECONDS), "stops within 15 s of SIGTERM");
        assertEquals(143, stack.exitValue(), "128 + SIGTERM");
        assertRefused(mongoPort);
        assertRefused(wechatPort);
    }

    @Test
    void theRehearsalOptionsSetTheStubsConfiguration() throws Exception {
        Process stack = launch(
                "--mongo-port",
                "0",
                "--wechat-port",
                "0",
                "--delay",
                "jscode2session=100ms,token=0",
                "--fault",
                "getuserriskrank=down",
                "--push-url",
                "http://127.0.0.1:9/wechat/push",
                "--push-token",
                "local-token",
                "--risky-colour",
                "#00ff00",
                "--risk-ranks",
                "zed=3");
        BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
        out.readLine();
        Matcher wechat = WECHAT_READY.matcher(out.readLine());
        assertTrue(wechat.matches(), "the stub announces itself");

        HttpResponse<String> config = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(wechat.group(1) + "/stub/config"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var view = Json.MAPPER.readTree(config.body());
        assertEquals("100ms", view.at("/delays/~1sns~1jscode2session").asText());
        assertTrue(view.at("/delays/~1cgi-bin~1token").isMissingNode(), "a zero delay is no delay");
        assertEquals("down", view.at("/faults/~1wxa~1getuserriskrank").asText());
        assertEquals("http://127.0.0.1:9/wechat/push", view.get("pushUrl").asText());
        assertTrue(view.get("pushTokenSet").asBoolean());
        assertEquals(3, view.at("/riskRanks/zed").asInt());
    }

    @Test
    void aDelayForAnEndpointTheStubDoesNotHaveExitsWithTwo() throws Exception {
        Process stack = launch("--delay", "jscode2sesion=100ms");

        assertTrue(stack.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, stack.exitValue());
    }

    @Test
    void anUnknownOptionPrintsUsageAndExitsWithTwo() throws Exception {
        Process stack = launch("--mongo-prot", "1");

        assertTrue(stack.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, stack.exitValue());
    }

    @Test
    void aTakenPortEndsTheProcessWithOneInsteadOfHanging() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process stack = launch("--mongo-port", String.valueOf(taken.getLocalPort()), "--wechat-port", "0");

            assertTrue(stack.waitFor(15, TimeUnit.SECONDS));
            assertEquals(1, stack.exitValue());
        }
    }

    private static void assertRefused(int port) {
        ConnectException refused = null;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertNotNull(socket, "port " + port + " still accepts connections");
        } catch (ConnectException e) {
            refused = e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertNotNull(refused, "port " + port + " still accepts connections");
    }
}
