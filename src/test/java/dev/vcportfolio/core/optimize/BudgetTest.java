package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private final TickingClock clock = new TickingClock(Duration.ofMillis(1));

    @Test
    void a_share_ends_within_its_parent_and_keeps_every_node() {
        // given: 100 ms and 1,000 nodes, read at 1 ms a read
        var budget = Budget.start(clock, Duration.ofMillis(100), 1_000);

        // when
        var half = budget.share(0.5);

        // then: about half of the 99 ms left, never past the parent's deadline
        assertThat(half.remaining()).isBetween(Duration.ofMillis(45), Duration.ofMillis(50));
        assertThat(half.remaining()).isLessThan(budget.remaining());
        assertThat(half.nodes()).isEqualTo(1_000);
        assertThat(budget.share(1).remaining()).isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void recording_a_step_logs_its_time_and_takes_its_nodes() {
        // given
        var budget = Budget.start(clock, Duration.ofMillis(100), 1_000);
        var from = budget.now();

        // when: two more reads pass, then the step is recorded
        budget.now();
        var after = budget.record("pass 1", from, 300);

        // then
        assertThat(after.nodes()).isEqualTo(700);
        assertThat(after.use().steps()).containsExactly(new Budget.Step("pass 1", 2, 300));
        assertThat(after.use().limitMillis()).isEqualTo(100);
        assertThat(after.use().nodes()).isEqualTo(300);
        assertThat(budget.nodes()).as("the budget itself is unchanged").isEqualTo(1_000);
        assertThat(budget.use().steps()).isEmpty();
    }

    @Test
    void an_expired_budget_has_no_time_left_but_a_twentieth_of_grace() {
        // given: 10 ms, read at 1 ms a read
        var budget = Budget.start(clock, Duration.ofMillis(10), 5);

        // when: ten reads
        for (int i = 0; i < 10; i++) {
            budget.now();
        }

        // then
        assertThat(budget.expired()).isTrue();
        assertThat(budget.exhausted()).isTrue();
        assertThat(budget.remaining()).isZero();
        assertThat(budget.grace()).isZero(); // 10 ms + 0.5 ms grace, and 12 reads have passed
        assertThat(Budget.start(clock, Duration.ofSeconds(1), 5).grace())
                .isBetween(Duration.ofMillis(1_040), Duration.ofMillis(1_050));
    }

    @Test
    void nodes_split_evenly_and_run_out() {
        // given
        var budget = Budget.start(clock, Duration.ofSeconds(1), 10);

        // when
        var third = budget.split(3);
        var spent = budget.lessNodes(25);

        // then
        assertThat(third.nodes()).isEqualTo(3);
        assertThat(spent.nodes()).isZero();
        assertThat(spent.exhausted()).isTrue();
        assertThat(spent.expired()).isFalse();
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> Budget.start(clock, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Budget.start(clock, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.start(clock, Duration.ofSeconds(1), 1).share(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
