"""Sources that outlive their links: which sources have no saved copy yet (`check
--sources`), and `dossier archive`, which asks a web archive to save them and writes the
snapshot's address into each article's front matter. The only network access of dossier."""
