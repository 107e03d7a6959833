package dev.vcportfolio.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstRunAccessTest {

    private static final TokenTable NONE = TokenTable.parse(null);
    private static final TokenTable CONFIGURED = TokenTable.parse("mine=" + TokenTableTest.A);

    @Test
    void the_embedded_database_with_no_tokens_gets_a_local_token_for_the_local_fund() {
        // when
        Optional<FirstRunAccess> access = ApiTokens.firstRun(NONE, true, new SecureRandom());

        // then
        assertThat(access).isPresent();
        FirstRunAccess local = access.get();
        assertThat(local.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(local.table().lookup(local.token())).contains(FundScope.of(FirstRunAccess.LOCAL_FUND));
        assertThat(local.table().lookup(local.token() + "x")).isEmpty();
        assertThat(local.table().hasPlainTokens())
                .as("held as a hash like a configured one")
                .isFalse();
        assertThat(local.pageAddress(8080)).isEqualTo("http://localhost:8080/#token=" + local.token());
    }

    @Test
    void a_configured_token_or_a_database_of_ones_own_turns_it_off() {
        assertThat(ApiTokens.firstRun(CONFIGURED, true, new SecureRandom())).isEmpty();
        assertThat(ApiTokens.firstRun(NONE, false, new SecureRandom())).isEmpty();
        assertThat(ApiTokens.firstRun(CONFIGURED, false, new SecureRandom())).isEmpty();
    }

    @Test
    void every_start_makes_another_token() {
        // given
        SecureRandom random = new SecureRandom();
        Set<String> tokens = new HashSet<>();

        // when
        for (int i = 0; i < 100; i++) {
            tokens.add(FirstRunAccess.create(random).token());
        }

        // then
        assertThat(tokens).hasSize(100);
    }
}
