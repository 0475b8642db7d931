# mpd plays music into JACK; paging takes its ports by client name (jack-music-client-name,
# default ^mpd\.paging:(.*)$) and ducks them during a page.
FILESEXTRAPATHS:prepend := "${THISDIR}/files:"
SRC_URI += "file://mpd-jack.conf"

PACKAGECONFIG:append = " jack"

# The upstream recipe fills the %..% placeholders of mpd.conf.in (ours replaces theirs).
do_install:append() {
    install -D -m 0644 ${UNPACKDIR}/mpd-jack.conf ${D}${systemd_system_unitdir}/mpd.service.d/jack.conf
}

FILES:${PN} += "${systemd_system_unitdir}/mpd.service.d"
# Music resumes at boot, not at the first client connection.
SYSTEMD_SERVICE:${PN}:append = " mpd.service"
RDEPENDS:${PN}:append = " jack-server"
