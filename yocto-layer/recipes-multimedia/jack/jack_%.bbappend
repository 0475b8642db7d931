# jackd as a system service on the PA amplifier; meta-oe's jack ships no unit.
FILESEXTRAPATHS:prepend := "${THISDIR}/files:"
SRC_URI += "file://jackd.service"

inherit systemd useradd

SYSTEMD_PACKAGES = "jack-server"
SYSTEMD_SERVICE:jack-server = "jackd.service"

USERADD_PACKAGES = "jack-server"
USERADD_PARAM:jack-server = "--system --no-create-home --home-dir /nonexistent --shell /sbin/nologin --gid audio jackd"

do_install:append() {
    install -D -m 0644 ${UNPACKDIR}/jackd.service ${D}${systemd_system_unitdir}/jackd.service
}

FILES:jack-server += "${systemd_system_unitdir}/jackd.service"
# jack_wait (in the main package) tells systemd when the server takes clients.
RDEPENDS:jack-server += "${PN} alsa-state"
