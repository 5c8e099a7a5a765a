package fr.novaevo.workstation.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomCasesTest {

    @Test
    void theSameCasesOnEveryRun() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        RandomCases.check(20, r -> first.add(r.nextInt()));
        RandomCases.check(20, r -> second.add(r.nextInt()));
        assertThat(first).hasSize(20).isEqualTo(second).doesNotHaveDuplicates();
    }

    @Test
    void aFailureNamesTheSeedThatReplaysIt() {
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> RandomCases.check(1000, r -> {
            long v = r.nextLong();
            seen.add(v);
            assertThat(v % 7).isNotEqualTo(3);
        })).isInstanceOf(AssertionError.class).hasMessageContaining("-Drandomcases.replay=");
        assertThat(seen).isNotEmpty();
    }

    @Test
    void generatorsStayWithinTheirBounds() {
        RandomCases.check(500, r -> {
            assertThat(RandomCases.between(r, -3, 3)).isBetween(-3, 3);
            assertThat(RandomCases.bytes(r, 5)).hasSizeLessThanOrEqualTo(5);
            assertThat(RandomCases.string(r, "AB", 4)).matches("[AB]{0,4}");
            assertThat(RandomCases.string(r, 'a', 'c', 3)).matches("[a-c]{0,3}");
            assertThat(RandomCases.listOf(r, 3, x -> x.nextInt(2))).hasSizeLessThanOrEqualTo(3);
            assertThat(RandomCases.oneOf(r, "x", "y")).isIn("x", "y");
        });
    }
}
