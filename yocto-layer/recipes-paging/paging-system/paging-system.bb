SUMMARY = "Appliance plumbing: /data and /efi mounts, hardware watchdog"
LICENSE = "MIT"
LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/MIT;md5=0835ade698e0bcf8506ecda2f7b4f302"

SRC_URI = " \
    file://data.mount \
    file://efi.mount \
    file://10-paging-watchdog.conf \
"
S = "${UNPACKDIR}"

inherit systemd allarch

SYSTEMD_SERVICE:${PN} = "data.mount efi.mount"

do_install() {
    install -D -m 0644 ${S}/data.mount ${D}${systemd_system_unitdir}/data.mount
    install -D -m 0644 ${S}/efi.mount ${D}${systemd_system_unitdir}/efi.mount
    install -D -m 0644 ${S}/10-paging-watchdog.conf ${D}${systemd_unitdir}/system.conf.d/10-paging-watchdog.conf
}

FILES:${PN} += "${systemd_unitdir}/system.conf.d"
