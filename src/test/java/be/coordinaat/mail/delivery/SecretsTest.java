package be.coordinaat.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mail passwords at rest: sealed with the key, readable only with the same key, plain without one. */
class SecretsTest {

    @Test
    void sealedWithTheKeyAndOpenedOnlyWithIt() {
        Secrets secrets = new Secrets("een lange geheime sleutel");
        String sealed = secrets.seal("imap-wachtwoord");
        assertThat(sealed).startsWith(Secrets.PREFIX).doesNotContain("imap-wachtwoord");
        assertThat(secrets.seal("imap-wachtwoord")).as("a fresh IV every time").isNotEqualTo(sealed);
        assertThat(secrets.open(sealed)).isEqualTo("imap-wachtwoord");
        assertThat(new Secrets("een andere lange sleutel").open(sealed)).isNull();
        assertThat(new Secrets((String) null).open(sealed)).isNull();
        assertThat(secrets.open(Secrets.PREFIX + "kapot!!")).isNull();
        // a password stored before the key was set is still read
        assertThat(secrets.open("oud-wachtwoord")).isEqualTo("oud-wachtwoord");
        assertThat(secrets.seal(null)).isNull();
    }

    @Test
    void withoutAKeyPasswordsAreStoredAsGivenAndAShortKeyIsRefused() {
        Secrets none = new Secrets("");
        assertThat(none.sealing()).isFalse();
        assertThat(none.seal("x")).isEqualTo("x");
        assertThatThrownBy(() -> new Secrets("kort")).isInstanceOf(IllegalStateException.class);
    }
}
