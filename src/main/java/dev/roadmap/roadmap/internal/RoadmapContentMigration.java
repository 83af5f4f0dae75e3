package dev.roadmap.roadmap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Loads the roadmap content file as a repeatable Flyway migration whose checksum is the
 * file's: Flyway runs it under its lock, once per change of the file, even when several
 * instances start together.
 */
@Component
class RoadmapContentMigration implements JavaMigration {

	private final Resource content;

	private final RoadmapContentReader reader = new RoadmapContentReader();

	RoadmapContentMigration(RoadmapProperties properties) {
		this.content = properties.content();
	}

	@Override
	public MigrationVersion getVersion() {
		return null;
	}

	@Override
	public String getDescription() {
		return "roadmap content";
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		try (InputStream in = this.content.getInputStream()) {
			crc.update(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the roadmap content " + this.content.getDescription(), ex);
		}
		return (int) crc.getValue();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		RoadmapContent roadmap = this.reader.read(this.content);
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		new RoadmapContentLoader(jdbc).load(roadmap);
	}

}
