#!/usr/bin/env bash
# Makes the demo pack's short video clips with Debian's ffmpeg (lavfi test sources, no camera footage).
# The output is committed; run this only to change the clips. Durations must match CLIPS in the generator.
set -euo pipefail
out="${1:-demo/api/v1/media/videos}"
mkdir -p "$out"
enc=(-c:v libvpx-vp9 -b:v 120k -pix_fmt yuv420p -an -row-mt 1 -deadline good -cpu-used 4 -y)
ffmpeg -loglevel error -f lavfi -i "gradients=s=360x640:r=24:speed=0.03:c0=0xf6d5c8:c1=0xe8a99a:c2=0xd98aa8:n=3:d=6" "${enc[@]}" "$out/clip-1.webm"
ffmpeg -loglevel error -f lavfi -i "mandelbrot=s=360x640:r=24,trim=duration=8" "${enc[@]}" "$out/clip-2.webm"
ffmpeg -loglevel error -f lavfi -i "gradients=s=360x640:r=24:speed=0.05:c0=0xcfe0f5:c1=0x7fa6d6:c2=0x6fb7c5:n=3:d=5" "${enc[@]}" "$out/clip-3.webm"
ffmpeg -loglevel error -f lavfi -i "life=s=90x160:r=12:mold=10:ratio=0.3:life_color=#8fc5ab:death_color=#f3e6c9,scale=360:640:flags=neighbor,trim=duration=7" "${enc[@]}" "$out/clip-4.webm"
ls -l "$out"
