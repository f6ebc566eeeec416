"""The MkDocs run: output folders made safely, host headers, assets, precompression."""
