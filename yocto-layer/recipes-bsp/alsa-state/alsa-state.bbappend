# ALSA for the fixed PA amplifier: its card is given the id "Amp" when its driver loads, and
# /etc/asound.conf names it "amp" for jackd. A board with another codec sets PAGING_AMP_DRIVER
# (the kernel module of the amplifier's sound card) in its machine or local configuration.
FILESEXTRAPATHS:prepend := "${THISDIR}/files:"

PAGING_AMP_DRIVER ?= "snd-hda-intel"

do_install:append() {
    install -d ${D}${sysconfdir}/modprobe.d
    printf 'options %s index=0 id=Amp\n' ${PAGING_AMP_DRIVER} > ${D}${sysconfdir}/modprobe.d/paging-amp.conf
}

FILES:${PN} += "${sysconfdir}/modprobe.d/paging-amp.conf"
CONFFILES:${PN} += "${sysconfdir}/modprobe.d/paging-amp.conf"
