/* The libjpeg(-turbo) adapter: photos and scanned pages for the simulator. */
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>

#include "core/err.h"
#include "sim/internal.h"

int
rp_sim_jpeg(const uint8_t *rgb, unsigned w, unsigned h, int quality, struct rp_buf *out)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *mem = NULL;
	unsigned long memlen = 0;
	int r;

	c.err = jpeg_std_error(&err);   /* errors only on misuse: sizes are ours */
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &memlen);
	c.image_width = w;
	c.image_height = h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, quality, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		JSAMPROW row = (JSAMPROW)(uintptr_t)(rgb + (size_t)c.next_scanline * w * 3);

		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	r = rp_buf_add(out, mem, memlen);
	free(mem);
	return r;
}
