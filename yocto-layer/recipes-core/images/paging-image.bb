SUMMARY = "PagingServer appliance image"
DESCRIPTION = "paging, jackd on the PA amplifier, mpd for music, RAUC for A/B updates."
LICENSE = "MIT"
LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/MIT;md5=0835ade698e0bcf8506ecda2f7b4f302"

inherit core-image

IMAGE_INSTALL:append = " \
    paging \
    paging-system \
    jack-server \
    mpd \
    mpc \
    alsa-state \
    alsa-utils-alsactl \
    rauc \
    grub-editenv \
    kernel-image \
"

# ext4 is the slot image a RAUC bundle carries; wic is the whole SD card.
IMAGE_FSTYPES = "ext4 wic.bz2 wic.bmap"
WKS_FILE = "paging-sdcard.wks"
IMAGE_ROOTFS_EXTRA_SPACE = "131072"

# GRUB's slot environment goes onto the EFI system partition next to grub.cfg.
IMAGE_EFI_BOOT_FILES:append = " grubenv;EFI/BOOT/grubenv"
do_image_wic[depends] += "paging-grubenv:do_deploy"
