package io.jiasu.risk;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * WeChat's rank always arrives in time (every risky helper is judged on their first help), and the network burst is
 * the default five helps per /24 (these tests give each helper an address of their own with X-Real-IP).
 */
public class PatientRank implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "jiasu.risk.wechat-rank", "true", "jiasu.risk.rank-timeout", "10s", "jiasu.risk.network-helps", "5");
    }
}
