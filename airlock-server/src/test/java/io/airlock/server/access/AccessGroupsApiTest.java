package io.airlock.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccessGroupsApiTest extends GatewayTest {

    @Autowired
    AccessPolicy policy;

    @Autowired
    UserRepository users;

    @Test
    void memberSeesTheGroupsMethodsAndOthersDoNot() {
        String member = uniqueName("member");
        String outsider = uniqueName("outsider");
        var memberClient = newSignedInUser(member, "USER");
        var outsiderClient = newSignedInUser(outsider, "USER");
        long method = newMethod();
        long group = newGroup(Map.of("memberIds", List.of(userId(member)), "methodIds", List.of(method)));

        var visible = Json.parse(memberClient.get("/api/remote-sessions").body());

        assertThat(visible.size()).isEqualTo(1);
        assertThat(visible.get(0).get("group").get("id").asLong()).isEqualTo(group);
        assertThat(visible.get(0).get("available").asBoolean()).isTrue();
        assertThat(visible.get(0).get("methods").get(0).get("id").asLong()).isEqualTo(method);
        assertThat(Json.parse(outsiderClient.get("/api/remote-sessions").body()).size()).isZero();
        assertThat(policy.decide(principal(member), group, method).allowed()).isTrue();
        assertThat(policy.decide(principal(outsider), group, method).reason()).contains("not a member");
    }

    @Test
    void disabledGroupAndClosedScheduleRefuseTheLaunch() {
        String name = uniqueName("night-shift");
        var client = newSignedInUser(name, "USER");
        long method = newMethod();
        long disabled = newGroup(Map.of("enabled", false, "memberIds", List.of(userId(name)),
                "methodIds", List.of(method)));
        DayOfWeek today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek();
        List<String> otherDays = Arrays.stream(DayOfWeek.values()).filter(d -> d != today)
                .map(d -> d.name().substring(0, 3)).toList();
        long closed = newGroup(Map.of("timeZone", "UTC", "memberIds", List.of(userId(name)),
                "methodIds", List.of(method),
                "windows", List.of(Map.of("days", otherDays, "start", "00:00", "end", "24:00"))));

        var seen = Json.parse(client.get("/api/remote-sessions").body());

        assertThat(seen.size()).isEqualTo(2);
        for (var entry : seen) {
            assertThat(entry.get("available").asBoolean()).isFalse();
            assertThat(entry.get("methods").size()).isZero();
        }
        assertThat(policy.decide(principal(name), disabled, method).reason()).contains("disabled");
        assertThat(policy.decide(principal(name), closed, method).reason()).contains("outside its schedule");
    }

    @Test
    void scheduleWindowCoveringNowOpensTheGroup() {
        String name = uniqueName("day-shift");
        newSignedInUser(name, "USER");
        long method = newMethod();
        String today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().name().substring(0, 3);
        long open = newGroup(Map.of("timeZone", "UTC", "memberIds", List.of(userId(name)),
                "methodIds", List.of(method),
                "windows", List.of(Map.of("days", List.of(today), "start", "00:00", "end", "24:00"))));

        assertThat(policy.decide(principal(name), open, method).allowed()).isTrue();
    }

    @Test
    void methodOutsideTheGroupIsRefused() {
        String name = uniqueName("narrow");
        newSignedInUser(name, "USER");
        long inGroup = newMethod();
        long other = newMethod();
        long group = newGroup(Map.of("memberIds", List.of(userId(name)), "methodIds", List.of(inGroup)));

        assertThat(policy.decide(principal(name), group, other).reason()).contains("not part of the access group");
    }

    @Test
    void allAccessMethodGroupIsForSystemAdminsAndNeverEnforcesRecording() {
        long method = newMethod();
        var adminView = Json.parse(signedInAdmin().get("/api/remote-sessions").body());
        String accessAdmin = uniqueName("aa");
        newSignedInUser(accessAdmin, "ACCESS_ADMIN");

        assertThat(adminView.get(0).get("group").get("global").asBoolean()).isTrue();
        assertThat(adminView.get(0).get("group").get("name").asString()).isEqualTo("All Access Method");
        var decision = policy.decide(principal("admin"), AccessPolicy.ALL_ACCESS_METHOD_GROUP, method);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.enforceRecording()).isFalse();
        assertThat(policy.decide(principal(accessAdmin), AccessPolicy.ALL_ACCESS_METHOD_GROUP, method).allowed())
                .isFalse();
    }

    @Test
    void enforceInlineRecordingIsStoredAndShown() {
        long method = newMethod();
        long group = newGroup(Map.of("enforceRecording", true, "methodIds", List.of(method)));

        var groups = Json.parse(signedInAdmin().get("/api/groups").body());
        boolean found = false;
        for (var g : groups) {
            if (g.get("id").asLong() == group) {
                assertThat(g.get("enforceRecording").asBoolean()).isTrue();
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void invalidScheduleIsRefusedWithAFieldMessage() {
        var reply = signedInAdmin().post("/api/groups", Json.object("name", uniqueName("bad"), "timeZone", "UTC",
                "windows", List.of(Map.of("days", List.of("MON"), "start", "17:00", "end", "08:00"))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Json.parse(reply.body()).get("fields").has("windows")).isTrue();
        assertThat(signedInAdmin().post("/api/groups", Json.object("name", uniqueName("tz"), "timeZone", "Mars/Base"))
                .status()).isEqualTo(400);
    }

    private long newMethod() {
        GatewayClient admin = signedInAdmin();
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("asset"), "host", "127.0.0.1"))
                .body()).get("id").asLong();
        return Json.parse(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "SSH", "port", 2222))
                .body()).get("id").asLong();
    }

    private long newGroup(Map<String, Object> fields) {
        var body = new java.util.HashMap<String, Object>(fields);
        body.put("name", uniqueName("group"));
        var reply = signedInAdmin().post("/api/groups", Json.write(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return Json.parse(reply.body()).get("id").asLong();
    }

    private long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private AirlockPrincipal principal(String username) {
        return new AirlockPrincipal(users.findByUsername(username).orElseThrow());
    }
}
