package io.airlock.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DamageTest {

    @Test
    void anAreaDamagesTheTilesItTouchesClippedToTheScreen() {
        var damage = new Damage(200, 100);
        damage.add(60, 10, 10, 1);
        damage.add(190, 90, 50, 50);

        assertThat(damage.areas()).containsExactly(new Damage.Area(0, 0, 128, 64), new Damage.Area(128, 64, 72, 36));
    }

    @Test
    void decodedRowsCopiesAndResizesDamageTheFramebuffer() throws Exception {
        var framebuffer = new Framebuffer(300, 200, PixelFormat.RGB888);
        assertThat(framebuffer.takeDamage().isEmpty()).isTrue();
        framebuffer.putRow(10, 150, new int[5], 0, 5);
        framebuffer.copy(0, 0, 256, 0, 10, 10);

        assertThat(framebuffer.takeDamage().areas()).containsExactly(new Damage.Area(256, 0, 44, 64),
                new Damage.Area(0, 128, 64, 64));
        assertThat(framebuffer.takeDamage().isEmpty()).isTrue();

        framebuffer.resize(100, 50);
        assertThat(framebuffer.takeDamage().areas()).containsExactly(new Damage.Area(0, 0, 100, 50));
    }

    @Test
    void damageOfAnotherSizeDamagesEverything() {
        var damage = new Damage(100, 100);
        damage.add(new Damage(50, 50));
        assertThat(damage.areas()).containsExactly(new Damage.Area(0, 0, 100, 64), new Damage.Area(0, 64, 100, 36));
    }
}
