package dev.vcportfolio.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenTableTest {

    static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    @Test
    void plain_and_hashed_entries_map_their_tokens_to_their_funds_in_order() {
        // given
        String hash = HexFormat.of().formatHex(TokenTable.sha256("prod-secret"));
        TokenTable table = TokenTable.parse(" dev=" + B + "," + A + " ; sha256:" + hash.toUpperCase() + "=" + A + ";");

        // when
        var dev = table.lookup("dev");
        var prod = table.lookup("prod-secret");

        // then
        assertThat(dev).contains(new FundScope(List.of(B, A)));
        assertThat(prod).contains(FundScope.of(A));
        assertThat(table.lookup("Dev")).isEmpty();
        assertThat(table.lookup("")).isEmpty();
        assertThat(table.lookup(hash)).as("the hash itself is not a token").isEmpty();
        assertThat(table.hasPlainTokens()).isTrue();
    }

    @Test
    void nothing_configured_matches_nothing() {
        assertThat(TokenTable.parse(null).lookup("anything")).isEmpty();
        assertThat(TokenTable.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void malformed_entries_fail_naming_the_position_never_the_token() {
        for (String configured :
                List.of("secret-one", "secret-one=", "secret-one=not-a-uuid", "sha256:abc=" + A, "=" + A, "a b=" + A)) {
            assertThatThrownBy(() -> TokenTable.parse("ok=" + A + ";" + configured))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry 2")
                    .hasMessageNotContaining("secret-one");
        }
    }

    @Test
    void a_scope_owns_what_it_names_and_defaults_to_its_first_fund() {
        // given
        FundScope scope = new FundScope(List.of(B, A));

        // then
        assertThat(scope.owner(null)).isEqualTo(B);
        assertThat(scope.owner(A)).isEqualTo(A);
        assertThat(scope.sees(A)).isTrue();
        assertThat(scope.sees(null)).isFalse();
        assertThatThrownBy(() -> scope.owner(UUID.randomUUID()))
                .isInstanceOf(dev.vcportfolio.core.error.DomainException.NotFound.class);
    }
}
