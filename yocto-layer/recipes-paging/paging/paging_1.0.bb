SUMMARY = "PagingServer: the SIP paging engine"
DESCRIPTION = "Answers SIP calls, sounds a klaxon and plays the caller on the PA speakers \
through JACK, ducking the music mpd plays. One NativeAOT binary that needs only glibc."
HOMEPAGE = "https://github.com/pagingserver/pagingserver"
SECTION = "multimedia"
# The PagingServer repository has no license file yet; when it gets one, name the license
# here and point LIC_FILES_CHKSUM at it (file://LICENSE;md5=...).
LICENSE = "CLOSED"

# No .NET SDK runs inside bitbake: the recipe installs the binary `make publish` wrote for
# the machine's architecture (see the layer README):
#   make publish RID=linux-x64 PUBLISH_DIR=artifacts/publish/linux-x64
#   make publish RID=linux-arm64 PUBLISH_DIR=artifacts/publish/linux-arm64
PAGING_RID = "unsupported-${TARGET_ARCH}"
PAGING_RID:x86-64 = "linux-x64"
PAGING_RID:aarch64 = "linux-arm64"
# ELF e_machine of the binary, checked so a binary of the wrong architecture stops the build.
PAGING_ELF_MACHINE:x86-64 = "3e"
PAGING_ELF_MACHINE:aarch64 = "b7"
# The target's dynamic loader, to run the binary against the target sysroot (warm cache).
PAGING_LDSO:x86-64 = "ld-linux-x86-64.so.2"
PAGING_LDSO:aarch64 = "ld-linux-aarch64.so.1"
COMPATIBLE_HOST = "(x86_64|aarch64).*-linux"

PAGING_BINARY_DIR ?= "${PAGING_REPO_DIR}/artifacts/publish/${PAGING_RID}"
# Must equal jackd's rate (recipes-multimedia/jack/files/jackd.service): the cache is keyed by it.
PAGING_SAMPLE_RATE ?= "48000"
# A klaxon cache built elsewhere for this architecture, used when the build host cannot run
# the target binary (cross-architecture builds); empty: the image starts with a cold cache.
PAGING_KLAXON_CACHE_DIR ?= ""
# The klaxon shipped as /usr/share/paging/klaxon.wav; empty: a two-tone alert made below.
PAGING_KLAXON ?= ""

FILESEXTRAPATHS:prepend := "${THISDIR}/files:"
FILESEXTRAPATHS:prepend = "${PAGING_BINARY_DIR}:${PAGING_REPO_DIR}:"

SRC_URI = " \
    file://paging \
    file://paging.service \
    file://paging.example.conf \
    file://10-appliance.conf \
    file://paging-healthy.service \
"
S = "${UNPACKDIR}"

# The klaxon cache is converted with libsndfile and libsamplerate of the target sysroot, so
# its key names the same library versions the image runs.
DEPENDS = "libsndfile1 libsamplerate0 speexdsp"

inherit systemd useradd

USERADD_PACKAGES = "${PN}"
USERADD_PARAM:${PN} = "--system --no-create-home --home-dir /nonexistent --shell /sbin/nologin --gid audio paging"

SYSTEMD_SERVICE:${PN} = "paging.service paging-healthy.service"

python do_klaxon() {
    import shutil, math, struct, wave
    out = os.path.join(d.getVar('B'), 'klaxon.wav')
    given = d.getVar('PAGING_KLAXON')
    if given:
        shutil.copyfile(given, out)
        return
    # 1.2 s alternating 660/880 Hz at 48 kHz, 16-bit mono, faded at both ends.
    rate = 48000
    frames = []
    for n in range(int(rate * 1.2)):
        freq = 660 if (n // (rate // 5)) % 2 == 0 else 880
        fade = min(1.0, n / 480.0, (int(rate * 1.2) - n) / 480.0)
        frames.append(struct.pack('<h', int(12000 * fade * math.sin(2 * math.pi * freq * n / rate))))
    with wave.open(out, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b''.join(frames))
}
addtask klaxon after do_configure before do_compile
do_klaxon[vardeps] += "PAGING_KLAXON"

do_compile() {
    machine=$(od -An -tx1 -j18 -N1 ${S}/paging | tr -d ' \n')
    if [ "$machine" != "${PAGING_ELF_MACHINE}" ]; then
        bbfatal "${S}/paging is not a ${TARGET_ARCH} binary (ELF machine $machine): run make publish RID=${PAGING_RID}"
    fi

    rm -rf ${B}/klaxon-cache
    mkdir -p ${B}/klaxon-cache
    printf '[audio]\nklaxon = %s\nklaxon-cache-dir = %s\n' ${B}/klaxon.wav ${B}/klaxon-cache > ${B}/cache-build.conf
    if [ "${BUILD_ARCH}" = "${TARGET_ARCH}" ]; then
        # Same architecture: run the target binary with the target's loader and libraries.
        # The files named last win over any /etc/paging.conf of the build host.
        ${STAGING_DIR_HOST}${base_libdir}/${PAGING_LDSO} \
            --library-path ${STAGING_DIR_HOST}${libdir}:${STAGING_DIR_HOST}${base_libdir} \
            ${S}/paging --build-klaxon-cache --sample-rate ${PAGING_SAMPLE_RATE} \
            ${S}/paging.example.conf ${S}/10-appliance.conf ${B}/cache-build.conf
    elif [ -n "${PAGING_KLAXON_CACHE_DIR}" ]; then
        cp ${PAGING_KLAXON_CACHE_DIR}/klaxon-*.f32 ${B}/klaxon-cache/
    else
        bbwarn "cross-architecture build without PAGING_KLAXON_CACHE_DIR: the klaxon is converted at first start"
    fi
}

do_install() {
    install -D -m 0755 ${S}/paging ${D}${bindir}/paging
    install -D -m 0644 ${S}/paging.service ${D}${systemd_system_unitdir}/paging.service
    install -D -m 0644 ${S}/paging-healthy.service ${D}${systemd_system_unitdir}/paging-healthy.service
    install -D -m 0644 ${S}/paging.example.conf ${D}${sysconfdir}/paging.conf
    install -D -m 0644 ${S}/10-appliance.conf ${D}${sysconfdir}/paging.conf.d/10-appliance.conf
    install -D -m 0644 ${B}/klaxon.wav ${D}${datadir}/paging/klaxon.wav
    install -d -m 0750 -o paging -g audio ${D}${localstatedir}/cache/paging
    for f in ${B}/klaxon-cache/klaxon-*.f32; do
        if [ -e "$f" ]; then
            install -m 0640 -o paging -g audio "$f" ${D}${localstatedir}/cache/paging/
        fi
    done
}

FILES:${PN} += "${datadir}/paging ${localstatedir}/cache/paging"
CONFFILES:${PN} = "${sysconfdir}/paging.conf ${sysconfdir}/paging.conf.d/10-appliance.conf"

# paging loads these with dlopen, so the package manager cannot see them by itself.
RDEPENDS:${PN} = "jack-server libjack libsndfile1 libsamplerate0 speexdsp"
RRECOMMENDS:${PN} = "mpd"

# NativeAOT publishes a stripped binary (symbols go to artifacts/symbols).
INSANE_SKIP:${PN} += "already-stripped"
