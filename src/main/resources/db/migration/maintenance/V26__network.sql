-- Network documentation per school (optionally per building): VLANs, subnets, Wi-Fi networks, network devices
-- (inventory assets with their management address) and internet lines. Addresses are validated by the application
-- and stored in their canonical text form.

CREATE TABLE network_vlan (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  building_id BIGINT REFERENCES building(id) ON DELETE SET NULL,
  vlan_number INT NOT NULL CHECK (vlan_number BETWEEN 1 AND 4094),
  name        VARCHAR(100) NOT NULL,
  purpose     VARCHAR(500),
  subnet      VARCHAR(50),
  notes       VARCHAR(2000),
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX network_vlan_number_uq ON network_vlan (school_id, vlan_number);

CREATE TABLE network_subnet (
  id          BIGSERIAL PRIMARY KEY,
  school_id   BIGINT NOT NULL REFERENCES school(id),
  building_id BIGINT REFERENCES building(id) ON DELETE SET NULL,
  vlan_id     BIGINT REFERENCES network_vlan(id) ON DELETE SET NULL,
  name        VARCHAR(100) NOT NULL,
  cidr        VARCHAR(50) NOT NULL,
  gateway     VARCHAR(45),
  dhcp_start  VARCHAR(45),
  dhcp_end    VARCHAR(45),
  dns_servers VARCHAR(500),
  notes       VARCHAR(2000),
  version     INT NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX network_subnet_school_idx ON network_subnet (school_id, cidr);

-- The pre-shared key is stored encrypted (AES-GCM, key outside the database) and shown only on explicit request.
CREATE TABLE network_wifi (
  id            BIGSERIAL PRIMARY KEY,
  school_id     BIGINT NOT NULL REFERENCES school(id),
  building_id   BIGINT REFERENCES building(id) ON DELETE SET NULL,
  vlan_id       BIGINT REFERENCES network_vlan(id) ON DELETE SET NULL,
  ssid          VARCHAR(32) NOT NULL,
  security      VARCHAR(20) NOT NULL CHECK (security IN ('OPEN', 'WPA2_PSK', 'WPA3_PSK', 'WPA2_ENTERPRISE', 'WPA3_ENTERPRISE')),
  band          VARCHAR(10) NOT NULL CHECK (band IN ('GHZ_2_4', 'GHZ_5', 'GHZ_6', 'DUAL', 'TRI')),
  hidden        BOOLEAN NOT NULL DEFAULT FALSE,
  audience      VARCHAR(300),
  psk_encrypted BYTEA,
  notes         VARCHAR(2000),
  version       INT NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX network_wifi_ssid_uq ON network_wifi (school_id, coalesce(building_id, 0), ssid);

-- A switch, access point or firewall of the inventory, with what the network documentation needs about it.
CREATE TABLE network_device (
  id            BIGSERIAL PRIMARY KEY,
  school_id     BIGINT NOT NULL REFERENCES school(id),
  asset_id      BIGINT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
  management_ip VARCHAR(45),
  port_count    INT CHECK (port_count IS NULL OR port_count BETWEEN 0 AND 1024),
  uplink        VARCHAR(300),
  location      VARCHAR(300),
  notes         VARCHAR(2000),
  version       INT NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX network_device_asset_uq ON network_device (asset_id);
CREATE INDEX network_device_school_idx ON network_device (school_id);

CREATE TABLE network_line (
  id                       BIGSERIAL PRIMARY KEY,
  school_id                BIGINT NOT NULL REFERENCES school(id),
  building_id              BIGINT REFERENCES building(id) ON DELETE SET NULL,
  provider_organisation_id BIGINT REFERENCES organisation(id) ON DELETE SET NULL,
  provider_name            VARCHAR(200),
  line_type                VARCHAR(10) NOT NULL CHECK (line_type IN ('FIBER', 'VDSL', 'CABLE', 'MOBILE', 'RADIO', 'OTHER')),
  download_mbps            INT CHECK (download_mbps IS NULL OR download_mbps BETWEEN 1 AND 1000000),
  upload_mbps              INT CHECK (upload_mbps IS NULL OR upload_mbps BETWEEN 1 AND 1000000),
  contract_number          VARCHAR(100),
  customer_number          VARCHAR(100),
  support_phone            VARCHAR(40),
  fixed_ips                VARCHAR(1000),
  notes                    VARCHAR(2000),
  version                  INT NOT NULL DEFAULT 0,
  created_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX network_line_school_idx ON network_line (school_id);
